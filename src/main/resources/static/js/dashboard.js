// The dashboard's progressive enhancements: sortable comparison tables and ECharts charts.
// Without JavaScript the page shows the same figures in its tables.
(function () {
  'use strict';

  var PALETTE = ['#b0306a', '#2f6db5', '#d08a1e', '#3d8b5a', '#7a4fb0', '#c4473a', '#4a9bb0'];

  function sortValue(cell, type) {
    if (!cell) {
      return type === 'text' ? '' : -Infinity;
    }
    if (type === 'text') {
      return cell.textContent.trim();
    }
    var raw = cell.getAttribute('data-sort');
    var number = parseFloat(raw !== null ? raw : cell.textContent);
    return isNaN(number) ? -Infinity : number;
  }

  function makeSortable(table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }
      th.appendChild(button);
      button.addEventListener('click', function () {
        var type = th.getAttribute('data-type') || 'number';
        // a first click sorts figures from the largest down (the rows that did most or
        // lag most on top), names from A to Z; a second click reverses
        var current = th.getAttribute('aria-sort');
        var ascending = current ? current !== 'ascending' : type === 'text';
        Array.prototype.forEach.call(headers, function (other) {
          other.removeAttribute('aria-sort');
        });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortValue(a.cells[index], type);
          var y = sortValue(b.cells[index], type);
          var order = type === 'text' ? x.localeCompare(y, document.documentElement.lang || 'zh-CN') : x - y;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) {
          body.appendChild(row);
        });
      });
    });
  }

  function option(spec) {
    var percent = spec.percent;
    var axisLabel = percent ? { formatter: '{value}%' } : {};
    var tooltip = { trigger: spec.kind === 'pie' ? 'item' : 'axis', renderMode: 'richText', confine: true };
    if (spec.kind === 'pie') {
      return {
        color: PALETTE,
        tooltip: tooltip,
        legend: { type: 'scroll', bottom: 0 },
        series: [{
          type: 'pie',
          name: spec.series[0].name,
          radius: ['35%', '65%'],
          top: 0,
          bottom: 30,
          label: { formatter: '{b}: {c}' },
          data: spec.labels.map(function (label, i) {
            return { name: label, value: spec.series[0].values[i] };
          })
        }]
      };
    }
    return {
      color: PALETTE,
      tooltip: tooltip,
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: spec.labels, axisLabel: { interval: 0, rotate: spec.labels.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', axisLabel: axisLabel, max: percent ? 100 : null, minInterval: 1 },
      series: spec.series.map(function (s) {
        return {
          type: spec.kind,
          name: s.name,
          data: s.values,
          smooth: spec.kind === 'line',
          label: { show: spec.labels.length <= 12 && spec.kind === 'bar', position: 'top',
            formatter: percent ? '{c}%' : '{c}' }
        };
      })
    };
  }

  function drawCharts() {
    if (typeof window.echarts === 'undefined') {
      return;
    }
    var charts = [];
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      var spec = JSON.parse(element.getAttribute('data-chart'));
      element.classList.add('chart-on');
      var chart = window.echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption(option(spec));
      charts.push(chart);
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (chart) {
        chart.resize();
      });
    });
  }

  // Choosing a period fills in its days; changing a day makes the period a custom one.
  function linkPeriodFields() {
    var select = document.getElementById('period');
    var from = document.getElementById('from');
    var to = document.getElementById('to');
    if (!select || !from || !to) {
      return;
    }
    select.addEventListener('change', function () {
      var chosen = select.options[select.selectedIndex];
      if (chosen.getAttribute('data-from')) {
        from.value = chosen.getAttribute('data-from');
        to.value = chosen.getAttribute('data-to');
      }
    });
    [from, to].forEach(function (field) {
      field.addEventListener('change', function () {
        select.value = 'CUSTOM';
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('table[data-sortable]').forEach(makeSortable);
    linkPeriodFields();
    drawCharts();
  });
})();
