// The admin status page: signs in, then reads /api/v1/admin/status every second and draws it.
"use strict";

const TOKEN = "booksflow.status.token";
const POLL_MS = 1000;
let timer = null;

const $ = (id) => document.getElementById(id);

function show(signedIn) {
  $("sign-in").hidden = signedIn;
  $("status").hidden = !signedIn;
  $("sign-out").hidden = !signedIn;
}

async function signIn(event) {
  event.preventDefault();
  $("error").textContent = "";
  const response = await fetch("/api/v1/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: $("email").value, password: $("password").value }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    $("error").textContent = body.message || "Signing in failed (" + response.status + ").";
    return;
  }
  sessionStorage.setItem(TOKEN, body.token);
  start();
}

function signOut() {
  const token = sessionStorage.getItem(TOKEN);
  sessionStorage.removeItem(TOKEN);
  clearTimeout(timer);
  show(false);
  if (token) {
    fetch("/api/v1/auth/logout", { method: "POST", headers: { Authorization: "Bearer " + token } });
  }
}

function start() {
  show(true);
  poll();
}

async function poll() {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) {
    show(false);
    return;
  }
  try {
    const response = await fetch("/api/v1/admin/status", { headers: { Authorization: "Bearer " + token } });
    const body = await response.json().catch(() => ({}));
    if (response.status === 401 || response.status === 403) {
      sessionStorage.removeItem(TOKEN);
      show(false);
      $("error").textContent = body.message || "Only admins may see the server's status.";
      return;
    }
    if (!response.ok) {
      throw new Error(body.message || "the server answered " + response.status);
    }
    $("stale").textContent = "";
    draw(body);
  } catch (e) {
    $("stale").textContent = "Cannot reach the server (" + e.message + "); the figures below are from before.";
  }
  timer = setTimeout(poll, POLL_MS);
}

function draw(status) {
  const minute = status.lastMinute;
  $("clock").textContent = new Date(status.at * 1000).toLocaleTimeString();
  $("throughput-value").textContent = (minute.requests / 60).toFixed(1);
  $("p95-value").textContent = minute.requests === 0 ? "-" : minute.p95Millis.toFixed(1) + " ms";
  $("errors-value").textContent = errorPercent(minute).toFixed(2) + " %";
  $("users-value").textContent = String(status.activeUsers);
  $("pool-value").textContent = status.pool
    ? status.pool.active + " busy / " + status.pool.max + (status.pool.waiting ? ", " + status.pool.waiting + " waiting" : "")
    : "-";
  $("heap-value").textContent = mib(status.heap.usedBytes) + " / " + mib(status.heap.maxBytes);
  const alerts = $("alerts");
  alerts.textContent = status.firing.length ? "Alert firing: " + status.firing.join(", ") : "No alert firing.";
  alerts.className = status.firing.length ? "firing" : "";
  const warnings = $("warnings");
  warnings.textContent = status.warnings.map((w) => "Warning: " + w).join(" ");
  warnings.hidden = status.warnings.length === 0;

  const seconds = status.seconds;
  chart($("chart-latency"), seconds.map((s) => (s.requests ? s.p95Millis : null)), "#2f6fdf");
  chart($("chart-throughput"), seconds.map((s) => s.requests), "#1f9d55");
  chart($("chart-errors"), seconds.map((s) => (s.requests ? errorPercent(s) : null)), "#b00020");
  chart($("chart-users"), seconds.map((s) => s.users), "#8a4fd8");
  document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
}

function errorPercent(summary) {
  return summary.requests === 0 ? 0 : (100 * summary.errors) / summary.requests;
}

function mib(bytes) {
  return bytes < 0 ? "?" : Math.round(bytes / 1048576) + " MiB";
}

// A line over the last five minutes, oldest on the left; seconds without a value leave a gap.
function chart(canvas, values, colour) {
  const g = canvas.getContext("2d");
  const w = canvas.width, h = canvas.height, left = 48, bottom = 20, top = 8;
  g.clearRect(0, 0, w, h);
  const max = niceMax(Math.max(0, ...values.filter((v) => v !== null)));
  const xAt = (i) => left + ((w - left) * i) / Math.max(1, values.length - 1);
  const yAt = (v) => top + (h - top - bottom) * (1 - v / max);
  g.strokeStyle = "#d9dce3";
  g.fillStyle = "#5a6275";
  g.font = "11px system-ui, sans-serif";
  for (let i = 0; i <= 4; i++) {
    const y = top + ((h - top - bottom) * i) / 4;
    g.beginPath();
    g.moveTo(left, y);
    g.lineTo(w, y);
    g.stroke();
    g.fillText(format(max - (max * i) / 4), 4, y + 4);
  }
  g.fillText("-5 min", left, h - 4);
  g.fillText("now", w - 24, h - 4);
  g.strokeStyle = colour;
  g.lineWidth = 1.5;
  g.beginPath();
  let drawing = false;
  values.forEach((v, i) => {
    if (v === null) {
      drawing = false;
      return;
    }
    if (drawing) {
      g.lineTo(xAt(i), yAt(v));
    } else {
      g.moveTo(xAt(i), yAt(v));
      drawing = true;
    }
  });
  g.stroke();
  // A second between two gaps would have no line at all: every second gets a dot as well.
  g.fillStyle = colour;
  values.forEach((v, i) => {
    if (v !== null) {
      g.fillRect(xAt(i) - 1.5, yAt(v) - 1.5, 3, 3);
    }
  });
}

function niceMax(value) {
  if (value <= 0) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (value <= step * power) return step * power;
  }
  return 10 * power;
}

function format(value) {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

document.addEventListener("DOMContentLoaded", () => {
  $("sign-in").addEventListener("submit", signIn);
  $("sign-out").addEventListener("click", signOut);
  if (sessionStorage.getItem(TOKEN)) {
    start();
  }
});
