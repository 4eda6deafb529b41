// Draws every chart on the page. Each chart is a container element and a
// <script type="application/json" data-chart-for="ID"> holding its ECharts
// option as plain JSON (no functions: formatters are ECharts template strings).
import * as echarts from 'echarts/core';
import { BarChart, LineChart, GaugeChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  MarkLineComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GaugeChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  MarkLineComponent,
  SVGRenderer,
]);

function drawAll() {
  const charts = [];
  for (const script of document.querySelectorAll('script[type="application/json"][data-chart-for]')) {
    const id = script.getAttribute('data-chart-for');
    const el = document.getElementById(id);
    if (!el) {
      console.error('chart ' + id + ': no element with this id');
      continue;
    }
    let option;
    try {
      option = JSON.parse(script.textContent);
    } catch (e) {
      console.error('chart ' + id + ': ' + e.message);
      continue;
    }
    const chart = echarts.init(el, null, { renderer: 'svg', locale: 'ZH' });
    chart.setOption(option);
    charts.push(chart);
  }
  if (charts.length === 0) {
    return;
  }
  // Redraw shortly after a resize stops: quick enough for a phone turned
  // sideways and for a page laid out again for print. (Not in an animation
  // frame: a page being printed gets none.)
  let timer;
  window.addEventListener('resize', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      for (const chart of charts) {
        chart.resize();
      }
    }, 30);
  });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', drawAll);
} else {
  drawAll();
}
