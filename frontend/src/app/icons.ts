import { IconDefinition } from '@ant-design/icons-angular';
import * as iconSet from './icon-set';

/** Icons the app uses, bundled statically (no runtime icon fetching). */
export const APP_ICONS: IconDefinition[] = Object.values(iconSet);
