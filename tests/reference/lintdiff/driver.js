// Runs Azure's two LintDiff plugins (native rules and Spectral rulesets) in-process, as autorest
// would, and prints their messages as JSON. autorest itself drops the file of findings in referenced
// files (their `source` comes out empty), so reference.py takes the file from here and checks the
// rest against a real autorest run.
//
//   node driver.js MODULES OPENAPI_TYPE FILE...
//
// MODULES: the folder where the pinned npm packages are installed (holds node_modules/).
// OPENAPI_TYPE: arm or data-plane. FILE...: the plugin inputs, as autorest listed them.
"use strict";

const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");
const { pathToFileURL, fileURLToPath } = require("url");

const [modules, openapiType, ...files] = process.argv.slice(2);
if (!modules || !openapiType || files.length === 0) {
  process.stderr.write("usage: node driver.js MODULES OPENAPI_TYPE FILE...\n");
  process.exit(2);
}
const requireThere = createRequire(path.join(path.resolve(modules), "package.json"));
const dist = "@microsoft.azure/openapi-validator/dist/";
const { spectralPluginFunc } = requireThere(dist + "spectral-plugin-func.js");
const { openapiValidatorPluginFunc } = requireThere(dist + "openapi-validator-plugin-func.js");

const QUIET = new Set(["information", "debug", "verbose"]);
const messages = [];
const failures = [];
// name -> severity of every rule that runs for this openapi-type: the Spectral rules the plugin
// announces for hand-written specs (disabled ones are announced as such), and the native rules
// whose openapiType includes this one (the plugin announces them all, run or not).
const rules = {};
const SPECTRAL = /^Spectral rule for manually written OpenAPI specs, severity '(\w+)': '([^']+)'$/;
const core = requireThere("@microsoft.azure/openapi-validator-core");
const { nativeRulesets } = requireThere("@microsoft.azure/openapi-validator-rulesets");
const typeBits = core.getOpenapiType(openapiType);
for (const ruleset of Object.values(nativeRulesets)) {
  for (const [name, rule] of Object.entries(ruleset.rules)) {
    if (rule.openapiType & typeBits) rules[name] = rule.severity;
  }
}

// The subset of autorest's plugin host API the two plugins call.
function initiator(plugin) {
  return {
    ListInputs: async () => files.map((f) => pathToFileURL(path.resolve(f)).href),
    GetValue: async (key) => ({ "openapi-type": openapiType, "openapi-subtype": openapiType })[key],
    // autorest answers null for a file it cannot read (the plugins then report "Could not read file").
    ReadFile: async (uri) => {
      try {
        return fs.readFileSync(uri.startsWith("file:") ? fileURLToPath(uri) : uri, "utf8");
      } catch (err) {
        return null;
      }
    },
    Message: (message) => {
      const loaded = message.Channel === "information" && SPECTRAL.exec(message.Text);
      if (loaded) {
        rules[loaded[2]] = loaded[1].toLowerCase();
      } else if (message.Channel === "fatal") {
        failures.push(message.Text);
      } else if (!QUIET.has(message.Channel)) {
        messages.push({ plugin, ...message });
      }
    },
  };
}

(async () => {
  await openapiValidatorPluginFunc(initiator("native"));
  await spectralPluginFunc(initiator("spectral"));
  if (failures.length) {
    process.stderr.write(failures.join("\n") + "\n");
    process.exit(1);
  }
  process.stdout.write(JSON.stringify({ messages, rules }));
})().catch((err) => {
  process.stderr.write(String((err && err.stack) || err) + "\n");
  process.exit(1);
});
