// decap-server for the form editor under `make serve`, locked down. On its own, decap-server
// answers every page served from localhost, does not look at the Host header (so a page elsewhere
// could reach it through DNS rebinding) and writes anywhere under the folder it is given. Here it
// answers only requests addressed to this machine by name, from the preview's own address
// (ORIGIN), and it is given the data folder only (GIT_REPO_DIRECTORY).
"use strict";
const express = require("express");
const { registerLocalFs } = require("decap-server/dist/middlewares");

const port = Number(process.env.PORT);
const addressed = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
const app = express();
app.use((request, response, next) =>
  addressed.has(request.headers.host) ? next() : response.status(403).json({ error: "fel värdnamn" }),
);
registerLocalFs(app).then(() => {
  app
    .listen(port, "127.0.0.1", () => console.log(`Formulärredigerarens server: http://127.0.0.1:${port}/api/v1 (listening)`))
    .on("error", (error) => {
      console.error(`Formulärredigerarens server startade inte på port ${port}: ${error.message}. Välj en annan med EDITOR_PORT=…`);
      process.exit(1);
    });
});
