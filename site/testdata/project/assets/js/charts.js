// Test fixture: a small entry that still goes through esbuild's resolution of
// node_modules (echarts/core and its dependencies). Draws each chart from its
// <script type="application/json" data-chart-for="ID">.
import * as echarts from 'echarts/core';
import { BarChart, GaugeChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GaugeChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, SVGRenderer]);

for (const script of document.querySelectorAll('script[type="application/json"][data-chart-for]')) {
  const el = document.getElementById(script.getAttribute('data-chart-for'));
  if (el) {
    echarts.init(el, null, { renderer: 'svg' }).setOption(JSON.parse(script.textContent));
  }
}
