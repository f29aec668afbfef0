// Preloaded into the AutoRest test server (node -r): it calls listen(port) on every interface;
// this makes a bare port mean 127.0.0.1, so the mock server is never reachable from outside.
"use strict";
const net = require("net");
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && (args.length === 1 || typeof args[1] === "function")) {
    args.splice(1, 0, "127.0.0.1");
  }
  return listen.apply(this, args);
};
