// @ts-check
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";

const NODE_BUILTINS = [
  "fs",
  "path",
  "os",
  "child_process",
  "crypto",
  "url",
  "util",
  "stream",
  "zlib",
  "http",
  "https",
  "net",
];

export default tseslint.config(
  { ignores: ["node_modules/", "build/", "dist/", "coverage/", "docs/", "**/*.js", "**/*.mjs", "tests/fixtures/"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The core is pure: no Office.js, no React, no xlsx library, no Node built-ins (../shared/STYLE.md).
    files: ["src/domain/**/*.ts", "src/i18n/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "src/domain is pure: Office.js belongs in src/excel." },
        { name: "Excel", message: "src/domain is pure: Office.js belongs in src/excel." },
        { name: "OfficeExtension", message: "src/domain is pure: Office.js belongs in src/excel." },
        { name: "document", message: "src/domain is pure: the DOM belongs in src/taskpane." },
        { name: "window", message: "src/domain is pure: the DOM belongs in src/taskpane." },
        { name: "process", message: "src/domain is pure: process belongs in src/cli." },
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "react", message: "src/domain is pure: React belongs in src/taskpane." },
            { name: "exceljs", message: "src/domain is pure: ExcelJS belongs in src/xlsx." },
            ...NODE_BUILTINS.flatMap((name) => [
              { name, message: "src/domain is pure: file and OS access belongs in src/cli." },
              { name: `node:${name}`, message: "src/domain is pure: file and OS access belongs in src/cli." },
            ]),
          ],
          patterns: [
            {
              group: ["@fluentui/*", "react-dom", "react-dom/*"],
              message: "src/domain is pure: UI belongs in src/taskpane.",
            },
            {
              group: ["**/excel/*", "**/xlsx/*", "**/taskpane/*", "**/cli/*"],
              message: "src/domain must not import the edges.",
            },
          ],
        },
      ],
    },
  },
  {
    // Only src/excel talks to Office.js; the task pane goes through a port.
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx", "src/cli/**/*.ts", "src/xlsx/**/*.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Excel", message: "Only src/excel may call Excel.run; pass a port to the component." },
      ],
    },
  },
  {
    // The pane runs in a browser: nothing from the command line, no Node built-ins.
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx", "src/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/cli/*", "**/cli"],
              message: "The pane must not depend on the CLI; share code through src/domain or src/i18n.",
            },
            { group: ["node:*"], message: "The pane runs in a browser: no Node built-ins." },
          ],
        },
      ],
    },
  },
  prettier,
);
