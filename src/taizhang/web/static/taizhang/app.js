// taizhang page behaviour without inline scripts (CSP forbids them).
// Without this script the phone keeps the navigation open (see app.css).
document.documentElement.classList.add("tz-js");
document.addEventListener("DOMContentLoaded", () => {
  // On a phone the navigation is a menu that the 菜单 button opens and closes.
  const toggle = document.querySelector(".tz-menu-toggle");
  const nav = document.getElementById("tz-nav");
  if (toggle && nav) {
    toggle.addEventListener("click", () => {
      const open = nav.classList.toggle("tz-nav-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
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
