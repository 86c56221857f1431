import { ConnectedPosition } from '@angular/cdk/overlay';

/**
 * Where popup menus open: below their button, right edges aligned, flipping above when there is no
 * room. Menus use CDK Menu (keyboard navigation built in) styled with zorro's dropdown classes.
 */
export const MENU_BELOW_END: ConnectedPosition[] = [
  { originX: 'end', originY: 'bottom', overlayX: 'end', overlayY: 'top', offsetY: 4 },
  { originX: 'end', originY: 'top', overlayX: 'end', overlayY: 'bottom', offsetY: -4 },
];
