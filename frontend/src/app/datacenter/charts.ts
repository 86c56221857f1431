import { Provider } from '@angular/core';
import { HeatmapChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { provideEchartsCore } from 'ngx-echarts';

// Only what the data center draws, so the chart chunk stays small (tree-shaken echarts/core).
echarts.use([
  LineChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/** ECharts for the data center's route, registered with the parts its charts use. */
export function provideDatacenterCharts(): Provider {
  return provideEchartsCore({ echarts });
}
