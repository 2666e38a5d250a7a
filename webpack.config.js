// Production and dev-server build of the task pane (dist/).
//
//   npm run build                                              URLs https://localhost:3000/, office.js from Microsoft's CDN
//   npm run build -- --env url=https://intranet.example.gov.cn/ledger/
//   npm run build -- --env url=https://intranet.example.gov.cn/ledger/ --env selfHostOfficeJs
//                                                              office.js copied from @microsoft/office-js into dist/office-js/
//
// The manifest in dist/ gets the URLs of the build; manifest.xml in the repository keeps localhost.
"use strict";
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/package.json"));

/** Normalises the deployment URL: https only (Office refuses http add-ins), trailing slash. */
function baseUrl(raw) {
  const url = new URL(raw || DEV_URL);
  if (url.protocol !== "https:" && url.hostname !== "127.0.0.1") {
    throw new Error(`--env url must be an https:// URL (Office loads add-ins over HTTPS only), got ${raw}`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** dist/manifest.xml: every dev URL replaced by the deployment URL (AppDomain without the path). */
function rewriteManifest(xml, base) {
  const origin = new URL(base).origin;
  return xml
    .replaceAll("<AppDomain>https://localhost:3000</AppDomain>", `<AppDomain>${origin}</AppDomain>`)
    .replaceAll(DEV_URL, base);
}

function flag(value) {
  return value === true || value === "true" || value === "1";
}

async function devServerHttps() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    // Linux has no supported CA store for office-addin-dev-certs: fall back to a self-signed certificate.
    console.warn(`office-addin-dev-certs unavailable (${error.message}); using a self-signed certificate.`);
    return "https";
  }
}

module.exports = async (env = {}, argv = {}) => {
  const serving = Boolean(env.WEBPACK_SERVE);
  const production = argv.mode === "production" || (!serving && argv.mode !== "development");
  const base = baseUrl(env.url);
  const selfHost = flag(env.selfHostOfficeJs);
  const officeJs = selfHost ? "office-js/office.js" : CDN_OFFICE_JS;

  const copies = [
    { from: "assets/icons", to: "assets/icons" },
    { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteManifest(content.toString(), base) },
  ];
  if (selfHost) {
    copies.push({
      from: OFFICE_JS_DIR + "/dist",
      to: "office-js",
      globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts", "**/office-vsdoc.js"] },
      // Already minified by Microsoft; without this Terser re-minifies 28 MB for minutes.
      info: { minimized: true },
    });
  }

  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // ExcelJS's prebuilt browser bundle: webpack 5 does not polyfill the Node built-ins its sources use.
      alias: { exceljs$: "exceljs/dist/exceljs.min.js" },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // tsconfig.json compiles to CommonJS for jest; ES modules here keep import() a split point.
            // Type checking is `npm run typecheck`.
            options: {
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: true },
            },
          },
        },
        { test: /\.txt$/, type: "asset/source" },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJs },
      }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? await devServerHttps() : "https",
      static: false,
    },
  };
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.baseUrl = baseUrl;
