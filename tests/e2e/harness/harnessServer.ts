/**
 * Builds the production task pane and the fake-Office harness into a scratch folder and serves it on
 * 127.0.0.1. harness.html is the built taskpane.html with office.js swapped for the fake.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import webpack from "webpack";

const ROOT = path.resolve(__dirname, "..", "..", "..");

export interface Served {
  url: string;
  dir: string;
  requests: string[];
  close(): Promise<void>;
}

/** The deployment URL the e2e build is made for (only the manifest's URLs depend on it). */
export const DEPLOY_URL = "https://intranet.example.gov.cn/ledger/";

/** `npm run build -- --env url=…` into `dir` (the production configuration, CDN office.js). */
export function buildPane(dir: string): void {
  const run = spawnSync(
    process.execPath,
    [
      require.resolve("webpack-cli/bin/cli.js"),
      "--mode",
      "production",
      "--output-path",
      dir,
      "--env",
      `url=${DEPLOY_URL}`,
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  if (run.status !== 0) throw new Error(`webpack build failed:\n${run.stdout}\n${run.stderr}`);
}

export function buildHarness(dir: string): Promise<void> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    entry: path.join(__dirname, "fakeOffice.ts"),
    output: { path: dir, filename: "fakeOffice.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler" } },
          },
        },
      ],
    },
  });
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString("errors-only")));
      else resolve();
    }),
  );
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
};

export async function servePane(): Promise<Served> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-ledger-e2e-"));
  buildPane(dir);
  await buildHarness(dir);
  const pane = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const swapped = pane.replace(/<script src=[^>]*office\.js[^>]*><\/script>/, '<script src="fakeOffice.js"></script>');
  if (swapped === pane) throw new Error("taskpane.html has no office.js script tag to swap");
  fs.writeFileSync(path.join(dir, "harness.html"), swapped);

  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    requests.push(name);
    const file = path.join(dir, path.normalize(name).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
