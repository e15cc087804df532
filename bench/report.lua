-- wrk script: prints one machine-readable line (p50, p95, p99 in ms, requests per second,
-- errors: connection errors, timeouts and answers other than 2xx/3xx).
function done(summary, latency, requests)
  local e = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.1f %.1f %.1f %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), e))
end
