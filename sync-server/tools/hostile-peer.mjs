// A hostile team member for tests/e2e/team.test.mjs: a real Yjs client (Hocuspocus provider)
// with a valid editor's token that writes into a shared plan what Alur never would. Not a test
// itself (not in test/: node --test runs every file there). Usage:
//   node hostile-peer.mjs <ws url> <room> <token> <step>
// step "xss": payloads in the plan's name and in a new competitor; "types": values of the wrong
// type where the plan has numbers, lists and maps; "text": a Y.Text, a type Alur never writes.
// Prints "done" once the server has acknowledged the edit, then exits.
import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";

const [url, room, token, step] = process.argv.slice(2);
const doc = new Y.Doc();
const provider = new HocuspocusProvider({ url, name: room, document: doc, token, WebSocketPolyfill: WebSocket });
const until = (check) =>
  new Promise((ok, fail) => {
    const end = Date.now() + 20_000;
    const poll = () => (check() ? ok() : Date.now() > end ? fail(new Error("timed out")) : setTimeout(poll, 50));
    poll();
  });
await until(() => provider.synced);
const plan = doc.getMap("plan");
const stamp = (n) => [doc.clientID, n];
doc.transact(() => {
  if (step === "xss") {
    plan.set("name", { v: '<img src=x onerror="window.__xss=1"> hostile name', w: stamp(1) });
    const list = plan.get("competitors");
    const item = new Y.Map();
    list.get("items").set("c-hostile", item);
    item.set("id", { v: "c-hostile", w: stamp(2) });
    item.set("name", { v: '<svg onload="window.__xss=2"></svg><script>window.__xss=3</script>', w: stamp(3) });
    list.get("order").push(["c-hostile"]);
  } else if (step === "types") {
    plan.get("goal").set("target", { v: "not a number", w: stamp(4) });
    plan.set("kpis", "a text where a list belongs");
    plan.set("budget", { v: [1, { deep: [[[[[["nested"]]]]]] }], w: stamp(5) });
  } else if (step === "text") {
    plan.set("notes", new Y.Text("a text type"));
  }
});
await until(() => provider.unsyncedChanges === 0);
console.log("done");
provider.destroy();
process.exit(0);
