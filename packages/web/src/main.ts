const app = document.getElementById("app");
fetch("/api/health")
  .then((r) => r.json())
  .then((h: { status: string }) => {
    const p = document.createElement("p");
    p.textContent = `API: ${h.status}`;
    app?.append(p);
  });
