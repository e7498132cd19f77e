(function () {
  var data = JSON.parse(document.getElementById('icp-charts').textContent);
  var charts = [];
  Object.keys(data).forEach(function (id) {
    var el = document.getElementById(id);
    if (!el || typeof echarts === 'undefined') { return; }
    var chart = echarts.init(el, null, {renderer: 'canvas'});
    chart.setOption(data[id]);
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
