// taizhang page behaviour without inline scripts (CSP forbids them).
document.addEventListener("DOMContentLoaded", () => {
  // On a phone the navigation is one swipeable row: bring the current entry into view.
  const active = document.querySelector(".tz-nav .nav-link.active");
  if (active && active.parentElement.parentElement.scrollWidth > window.innerWidth) {
    active.scrollIntoView({ inline: "center", block: "nearest" });
  }
  // Confirm before dangerous submissions: <form data-confirm="...">
  document.body.addEventListener("submit", (event) => {
    const form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
  // Charts: <div class="tz-chart" data-chart='{"...echarts option..."}'>
  const drawCharts = (root) => {
    if (!window.echarts) return;
    root.querySelectorAll("[data-chart]").forEach((el) => {
      if (el.dataset.drawn) return;
      el.dataset.drawn = "1";
      const chart = window.echarts.init(el);
      chart.setOption(JSON.parse(el.dataset.chart));
      window.addEventListener("resize", () => chart.resize());
    });
  };
  drawCharts(document);
  document.body.addEventListener("htmx:afterSwap", (e) => drawCharts(e.target));
});
