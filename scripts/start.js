#!/usr/bin/env node
// npm start: where desktop Excel exists (Windows, macOS), office-addin-debugging builds nothing itself:
// it starts the HTTPS dev server (`npm run dev-server`, certificates from office-addin-dev-certs) and
// sideloads manifest.xml into Excel. Elsewhere (Linux) there is no Excel to sideload into: start the
// dev server and say how to sideload into Excel on the web.
"use strict";
const { spawn, spawnSync } = require("node:child_process");
const path = require("node:path");

const root = path.join(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

spawnSync(process.execPath, [path.join(__dirname, "usageDataOff.js")], { stdio: "inherit" });

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 1));
}

if (process.platform === "win32" || process.platform === "darwin") {
  console.log("Starting the dev server and sideloading manifest.xml into desktop Excel (office-addin-debugging)…");
  run(bin("office-addin-debugging"), [
    "start",
    "manifest.xml",
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    "3000",
  ]);
} else {
  console.log(
    [
      `Desktop Excel does not run on ${process.platform}, so nothing was sideloaded.`,
      "What this command does: starts the dev server at https://localhost:3000/ (webpack serve; the",
      "certificate comes from office-addin-dev-certs when it can install one, else a self-signed one",
      "that the browser must be told to trust once by opening https://localhost:3000/taskpane.html).",
      "",
      "To try the add-in in Excel on the web:",
      "  1. Open a workbook at https://www.office.com (or your SharePoint / OneDrive).",
      "  2. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in (on some tenants: Insert > Add-ins).",
      "  3. Choose manifest.xml from this folder; the 工作台账 button appears on the Home tab.",
      "",
      "For a server other than localhost: npm run build -- --env url=https://your.host/path/ and upload dist/manifest.xml.",
    ].join("\n"),
  );
  run(bin("webpack"), ["serve", "--mode", "development"]);
}
