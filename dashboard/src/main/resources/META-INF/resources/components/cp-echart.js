/*
 * <cp-echart>: renders an Apache ECharts option that the server sets as a JSON string (io.civicpulse.dashboard.chart.EChart).
 *
 * Properties
 *   option       ECharts option as JSON; "-" in series data is a missing point (a gap)
 *   valueFormat  JSON {locale, percent, minFractionDigits, maxFractionDigits, suffix, signed}: how tooltips and the
 *                value axis print numbers (ECharts formatters are functions, which JSON cannot carry)
 *
 * A plain script rather than a module or a bundled import: the dashboard uses Vaadin's pre-compiled frontend bundle,
 * so it loads its own scripts at run time (see EChart.java). ECharts itself is loaded the same way, as
 * window.echarts, possibly after this file, so rendering waits for it.
 */
(() => {
  'use strict';

  if (window.customElements.get('cp-echart')) {
    return;
  }

  const ECHARTS_TIMEOUT_MS = 30000;
  let echartsLoaded;

  function whenEchartsLoaded() {
    if (!echartsLoaded) {
      echartsLoaded = new Promise((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          if (window.echarts) {
            resolve(window.echarts);
          } else if (Date.now() - started > ECHARTS_TIMEOUT_MS) {
            reject(new Error('The charting library did not load.'));
          } else {
            setTimeout(check, 50);
          }
        };
        check();
      });
    }
    return echartsLoaded;
  }

  function numberFormatter(spec) {
    if (!spec) {
      return undefined;
    }
    let format;
    try {
      format = new Intl.NumberFormat(spec.locale || undefined, {
        style: spec.percent ? 'percent' : 'decimal',
        minimumFractionDigits: spec.minFractionDigits ?? 0,
        maximumFractionDigits: spec.maxFractionDigits ?? 2,
        signDisplay: spec.signed ? 'exceptZero' : 'auto',
      });
    } catch (e) {
      format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
    }
    const suffix = spec.suffix || '';
    return (value) => {
      const number = Array.isArray(value) ? value[value.length - 1] : value;
      if (number === null || number === undefined || number === '-' || Number.isNaN(Number(number))) {
        return 'no data';
      }
      return format.format(Number(number)) + suffix;
    };
  }

  /**
   * Round outward to a 1, 2 or 5 step, as ECharts does for axes it fits itself, leaving a little room so a target
   * line never lies on the axis itself.
   */
  function niceBounds(low, high) {
    const span = high - low || Math.abs(high) || 1;
    const raw = span / 4;
    const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    const leading = raw / magnitude;
    const step = (leading <= 1 ? 1 : leading <= 2 ? 2 : leading <= 5 ? 5 : 10) * magnitude;
    const margin = span * 0.04;
    const floor = low >= 0 && low - margin < 0 ? 0 : low - margin;
    return [Math.floor(floor / step) * step, Math.ceil((high + margin) / step) * step];
  }

  function cssVar(element, name, fallback) {
    const value = getComputedStyle(element).getPropertyValue(name).trim();
    return value || fallback;
  }

  function asArray(value) {
    if (value === undefined || value === null) {
      return [];
    }
    return Array.isArray(value) ? value : [value];
  }

  class CpEchart extends HTMLElement {
    constructor() {
      super();
      this._optionJson = null;
      this._formatJson = null;
      this._chart = null;
      this._resizeObserver = null;
      this._visibilityObserver = null;
      this._nearViewport = false;
      this._renderQueued = false;
    }

    get option() {
      return this._optionJson;
    }

    set option(json) {
      this._optionJson = json;
      this._queueRender();
    }

    get valueFormat() {
      return this._formatJson;
    }

    set valueFormat(json) {
      this._formatJson = json;
      this._queueRender();
    }

    connectedCallback() {
      // Flow may have set the properties before this class was defined; they then shadow the accessors.
      this._upgradeProperty('option');
      this._upgradeProperty('valueFormat');
      if (!this._resizeObserver) {
        this._resizeObserver = new ResizeObserver(() => {
          if (this._chart) {
            this._chart.resize();
          }
        });
      }
      this._resizeObserver.observe(this);
      // A view holds a score of charts, most of them below the fold: drawing only those near the screen makes the
      // first screenful appear sooner; the others are drawn as they are scrolled towards, or before printing.
      if (!this._nearViewport && !this._visibilityObserver) {
        this._visibilityObserver = new IntersectionObserver((entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            this._showNow();
          }
        }, { rootMargin: '300px 0px' });
        this._visibilityObserver.observe(this);
        this._beforePrint = () => this._showNow();
        window.addEventListener('beforeprint', this._beforePrint);
      }
      this._queueRender();
    }

    _showNow() {
      this._nearViewport = true;
      this._stopWatchingVisibility();
      this._queueRender();
    }

    _stopWatchingVisibility() {
      if (this._visibilityObserver) {
        this._visibilityObserver.disconnect();
        this._visibilityObserver = null;
        window.removeEventListener('beforeprint', this._beforePrint);
      }
    }

    disconnectedCallback() {
      this._stopWatchingVisibility();
      if (this._resizeObserver) {
        this._resizeObserver.disconnect();
      }
      if (this._chart) {
        this._chart.dispose();
        this._chart = null;
      }
    }

    _upgradeProperty(name) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }

    _queueRender() {
      // The server often sets option and format in the same round trip: draw once.
      if (this._renderQueued) {
        return;
      }
      this._renderQueued = true;
      queueMicrotask(() => {
        this._renderQueued = false;
        this._render();
      });
    }

    async _render() {
      if (!this.isConnected || !this._optionJson || !this._nearViewport) {
        return;
      }
      let echarts;
      try {
        echarts = await whenEchartsLoaded();
      } catch (e) {
        this.textContent = e.message;
        return;
      }
      if (!this.isConnected) {
        return;
      }
      const option = JSON.parse(this._optionJson);
      this._applyFormat(option);
      this._applyTheme(option);
      this._includeMarkLinesInScale(option);
      if (!this._chart) {
        // SVG stays sharp on large wall displays and when printed.
        this._chart = echarts.init(this, null, { renderer: 'svg' });
        // Drill-down: the server listens for this event (EChart.ClickEvent) and navigates.
        this._chart.on('click', (params) => {
          this.dispatchEvent(new CustomEvent('cp-chart-click', {
            detail: { seriesName: params.seriesName || '', name: params.name || '', dataIndex: params.dataIndex ?? -1 },
          }));
        });
      }
      this._chart.setOption(option, { notMerge: true });
    }

    _applyFormat(option) {
      const format = numberFormatter(this._formatJson ? JSON.parse(this._formatJson) : null);
      if (!format) {
        return;
      }
      option.tooltip = Object.assign({}, option.tooltip, { valueFormatter: format });
      for (const axis of asArray(option.yAxis)) {
        if (axis.type === 'value') {
          axis.axisLabel = Object.assign({}, axis.axisLabel, { formatter: format });
        }
      }
      for (const series of asArray(option.series)) {
        const markLine = series.markLine;
        if (markLine && markLine.label && !markLine.label.formatter) {
          markLine.label.formatter = (params) => format(params.value);
        }
      }
    }

    _applyTheme(option) {
      const style = getComputedStyle(this);
      option.textStyle = Object.assign({ fontFamily: style.fontFamily, color: style.color }, option.textStyle);
      if (!option.color) {
        option.color = [1, 2, 3, 4, 5, 6].map((i) =>
          cssVar(this, `--cp-chart-color-${i}`, ['#1a5fb4', '#c64600', '#26a269', '#813d9c', '#986a44', '#5e5c64'][i - 1]));
      }
      const axisColor = cssVar(this, '--cp-chart-axis-color', '#6b7280');
      const gridColor = cssVar(this, '--cp-chart-grid-color', '#e5e7eb');
      for (const axis of [...asArray(option.xAxis), ...asArray(option.yAxis)]) {
        axis.axisLine = Object.assign({ lineStyle: { color: axisColor } }, axis.axisLine);
        axis.axisLabel = Object.assign({ color: axisColor }, axis.axisLabel);
        axis.splitLine = Object.assign({ lineStyle: { color: gridColor } }, axis.splitLine);
      }
      for (const series of asArray(option.series)) {
        if (series.markLine) {
          const targetColor = cssVar(this, '--cp-chart-target-color', '#5e5c64');
          series.markLine.lineStyle = Object.assign({ color: targetColor }, series.markLine.lineStyle);
          series.markLine.label = Object.assign({ color: targetColor }, series.markLine.label);
        }
      }
      if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
        option.animation = false;
      }
    }

    _includeMarkLinesInScale(option) {
      // ECharts fits a value axis to the data only, which can push a target line off the chart.
      const marks = asArray(option.series)
        .flatMap((series) => (series.markLine ? asArray(series.markLine.data) : []))
        .map((mark) => mark.yAxis)
        .filter((value) => typeof value === 'number');
      if (marks.length === 0) {
        return;
      }
      const low = Math.min(...marks);
      const high = Math.max(...marks);
      for (const axis of asArray(option.yAxis)) {
        if (axis.type === 'value' && axis.min === undefined && axis.max === undefined) {
          const bounds = (extent) => niceBounds(
            axis.scale ? Math.min(extent.min, low) : Math.min(0, extent.min, low), Math.max(extent.max, high));
          axis.min = (extent) => bounds(extent)[0];
          axis.max = (extent) => bounds(extent)[1];
        }
      }
    }
  }

  window.customElements.define('cp-echart', CpEchart);
})();
