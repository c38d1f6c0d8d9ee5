//! Team plans (#22) against a real Hocuspocus server (`sync-server/server.mjs`, started and
//! stopped here): the session's protocol, tokens and roles, edits from two clients, offline
//! edits merged on reconnect, a server restart, and a fresh client that gets the plan from the
//! server alone. Needs `npm ci --prefix sync-server` (`make test` does it first).
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use alur::domain::parse_plan_file;
use alur::domain::sync::{wire, Action, PlanDoc, Presence, Session, Status};
use serde_json::{json, Value};
use tungstenite::{Message, WebSocket};

const ROOM: &str = "alur-ex-01";

struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// A team file and a data folder of their own for one test.
fn workspace(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("alur-sync-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("team.json"),
        json!({
            "token-rina": {"name": "Rina", "role": "editor"},
            "token-dimas": {"name": "Dimas", "role": "editor"},
            "token-hendra": {"name": "Pak Hendra", "role": "viewer"},
            "token-old": {"name": "Agency", "role": "editor", "expires": "2020-01-01T00:00:00Z"}
        })
        .to_string(),
    )
    .unwrap();
    dir
}

/// Starts the server on a free port and waits for its start line.
fn start(dir: &Path) -> Server {
    let mut child = Command::new("node")
        .arg(root().join("sync-server/server.mjs"))
        .args(["--port", "0", "--data"])
        .arg(dir.join("data"))
        .arg("--team")
        .arg(dir.join("team.json"))
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node runs sync-server/server.mjs");
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let port = line
        .split("ws://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in the server's start line: {line:?}"));
    Server { child, port }
}

/// Stops the server as an operator would (SIGTERM: it stores every document first).
fn stop(mut server: Server) {
    let _ = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status();
    let _ = server.child.wait();
}

/// A client: a session and its socket (none while offline).
struct Client {
    session: Session,
    socket: Option<WebSocket<TcpStream>>,
    shown: Vec<Value>,
    peers: Vec<Presence>,
    /// The name the server gave for this client's token.
    member: Option<String>,
}

impl Client {
    fn new(doc: PlanDoc, token: &str) -> Self {
        Client {
            session: Session::new(doc, ROOM, token),
            socket: None,
            shown: Vec::new(),
            peers: Vec::new(),
            member: None,
        }
    }

    fn connect(&mut self, port: u16) {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        let (socket, _) = tungstenite::client(format!("ws://127.0.0.1:{port}/"), stream).unwrap();
        socket
            .get_ref()
            .set_read_timeout(Some(Duration::from_millis(20)))
            .unwrap();
        self.socket = Some(socket);
        let actions = self.session.opened();
        self.act(actions);
    }

    fn disconnect(&mut self) {
        if let Some(mut socket) = self.socket.take() {
            let _ = socket.close(None);
            let _ = socket.flush();
        }
        self.session.closed();
    }

    fn act(&mut self, actions: Vec<Action>) {
        for action in actions {
            match action {
                Action::Send(frame) => {
                    if let Some(socket) = &mut self.socket {
                        socket.send(Message::binary(frame)).unwrap();
                    }
                }
                Action::Show(plan) => self.shown.push(plan),
                Action::Peers(peers) => self.peers = peers,
                Action::Lost(_) => {}
                Action::Member(name) => self.member = Some(name),
            }
        }
    }

    /// Reads whatever the server sent, for a moment.
    fn pump(&mut self) {
        let Some(socket) = &mut self.socket else {
            return;
        };
        let mut frames = Vec::new();
        loop {
            match socket.read() {
                Ok(Message::Binary(bytes)) => frames.push(bytes.to_vec()),
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) =>
                {
                    break
                }
                Err(_) => {
                    self.socket = None;
                    self.session.closed();
                    break;
                }
            }
        }
        for frame in frames {
            let actions = self.session.received(&frame, 0);
            self.act(actions);
        }
    }

    fn edit(&mut self, change: impl FnOnce(&mut Value)) {
        let mut plan = self.session.doc().read();
        change(&mut plan);
        let actions = self.session.edited(&plan).unwrap();
        self.act(actions);
    }

    fn plan(&self) -> Value {
        self.session.doc().read()
    }
}

/// Pumps every client until `done` holds, or fails after 10 s saying what was awaited.
fn until(clients: &mut [&mut Client], what: &str, done: impl Fn(&[&mut Client]) -> bool) {
    let start = Instant::now();
    while !done(clients) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}"
        );
        for c in clients.iter_mut() {
            c.pump();
        }
    }
}

fn fixture() -> Value {
    let bytes = std::fs::read(root().join("tests/fixtures/schema-v2.alur.json")).unwrap();
    serde_json::to_value(parse_plan_file(&bytes).unwrap()).unwrap()
}

/// Rina shares the example plan: her replica holds it, the server gets it on connect.
fn share(port: u16) -> Client {
    let mut doc = PlanDoc::new(11);
    doc.set_author("Rina");
    doc.write(&fixture()).unwrap();
    let mut rina = Client::new(doc, "token-rina");
    rina.connect(port);
    until(&mut [&mut rina], "Rina synced", |c| {
        c[0].session.status() == Status::Synced
    });
    rina
}

#[test]
fn two_people_edit_a_shared_plan_live_and_offline_and_a_restart_loses_nothing() {
    // Guards: the walk: a fresh client opens the plan from the server alone; edits of
    // different fields merge; an offline client's edits (the same field too) merge on
    // reconnect with exactly one value kept and the other in the history; a server restart
    // loses nothing.
    let dir = workspace("walk");
    let server = start(&dir);
    let mut rina = share(server.port);

    let mut doc = PlanDoc::new(22);
    doc.set_author("Dimas");
    let mut dimas = Client::new(doc, "token-dimas");
    dimas.connect(server.port);
    until(&mut [&mut dimas], "Dimas synced", |c| {
        c[0].session.status() == Status::Synced
    });
    assert_eq!(dimas.plan(), rina.plan(), "the plan from the server alone");
    assert_eq!(
        dimas.plan()["name"],
        "Product X sales +20% (Instagram & Google Ads)"
    );

    // Live: different steps at once.
    rina.edit(|p| p["goal"]["specific"] = json!("Raise sales of X by 25% in 6 months"));
    dimas.edit(|p| p["kpis"][0]["name"] = json!("Sales of X (units)"));
    until(&mut [&mut rina, &mut dimas], "both edits on both", |c| {
        c.iter().all(|c| {
            let p = c.plan();
            p["goal"]["specific"] == "Raise sales of X by 25% in 6 months"
                && p["kpis"][0]["name"] == "Sales of X (units)"
        })
    });
    // The page was told to show the merged plan, with Rina's edit.
    let shown = dimas.shown.last().unwrap();
    assert_eq!(
        shown["goal"]["specific"],
        "Raise sales of X by 25% in 6 months"
    );

    // Presence: each sees the other, on the step they are on.
    let here = |name: &str, step: &str| Presence {
        name: name.into(),
        step: step.into(),
    };
    let actions = rina.session.set_presence(Some(here("Rina", "budget")), 0);
    rina.act(actions);
    let actions = dimas.session.set_presence(Some(here("Dimas", "kpis")), 0);
    dimas.act(actions);
    until(&mut [&mut rina, &mut dimas], "each sees the other", |c| {
        c[0].peers == [here("Dimas", "kpis")] && c[1].peers == [here("Rina", "budget")]
    });

    // Offline: Dimas loses the connection; both edit, the same field too. Rina no longer
    // sees him once the server tells her he left.
    dimas.disconnect();
    until(&mut [&mut rina], "Dimas gone from Rina's page", |c| {
        c[0].peers.is_empty()
    });
    dimas.edit(|p| {
        p["goal"]["target"] = json!(1300.0);
        p["market"]["trends"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "t-offline", "text": "Live shopping on TikTok"}));
    });
    dimas.edit(|p| p["name"] = json!("Product X +20% (offline title)"));
    assert_eq!(dimas.session.status(), Status::Offline { waiting: 2 });
    rina.edit(|p| p["goal"]["target"] = json!(1500.0));
    rina.edit(|p| p["tasks"][0]["owner"] = json!("Rina"));
    until(&mut [&mut rina], "Rina's edits stored", |c| {
        c[0].session.status() == Status::Synced
    });

    dimas.connect(server.port);
    until(
        &mut [&mut rina, &mut dimas],
        "convergence after reconnect",
        |c| {
            c[0].plan() == c[1].plan()
                && c.iter().all(|c| c.session.status() == Status::Synced)
                && c[0].session.doc().history().len() == 1
                && c[1].session.doc().history().len() == 1
        },
    );
    let plan = rina.plan();
    assert_eq!(plan["name"], "Product X +20% (offline title)");
    assert_eq!(plan["tasks"][0]["owner"], "Rina");
    assert!(plan["market"]["trends"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["id"] == "t-offline"));
    let kept = plan["goal"]["target"].clone();
    let history = rina.session.doc().history();
    assert_eq!(history[0].path, ["goal", "target"]);
    assert_eq!(history[0].kept, kept);
    // 1300 and 1500 were written; whichever Yjs kept, the other is the lost one.
    let other = if kept == json!(1300) {
        json!(1500)
    } else {
        json!(1300)
    };
    assert_eq!(history[0].lost, other);

    // Restart: everything stored; a third, fresh client gets it all from the server alone.
    rina.disconnect();
    dimas.disconnect();
    stop(server);
    let server = start(&dir);
    let mut fresh = Client::new(PlanDoc::new(33), "token-dimas");
    fresh.connect(server.port);
    until(&mut [&mut fresh], "a fresh client synced", |c| {
        c[0].session.status() == Status::Synced
    });
    assert_eq!(fresh.plan(), plan);
    assert_eq!(fresh.session.doc().history(), history);
}

#[test]
fn wrong_and_expired_tokens_are_refused_and_a_viewer_cannot_write() {
    // Guards: a bad token is refused and the plan stays local; a viewer's edit is refused by
    // the server, not only hidden in the UI.
    let dir = workspace("roles");
    let server = start(&dir);
    let mut rina = share(server.port);

    for token in ["not-a-token", "token-old"] {
        let mut stranger = Client::new(PlanDoc::new(44), token);
        stranger.connect(server.port);
        until(&mut [&mut stranger], "refusal", |c| {
            matches!(c[0].session.status(), Status::Refused(_))
        });
        assert_eq!(
            stranger.plan(),
            json!({}),
            "nothing of the plan reached {token}"
        );
    }

    let mut hendra = Client::new(PlanDoc::new(55), "token-hendra");
    hendra.connect(server.port);
    until(&mut [&mut hendra], "the viewer synced", |c| {
        c[0].session.status() == Status::Synced
    });
    assert!(hendra.session.read_only());
    // The name comes from the team file, for the token: the approval step records it.
    assert_eq!(hendra.member.as_deref(), Some("Pak Hendra"));
    assert_eq!(hendra.plan(), rina.plan(), "a viewer reads the plan");
    // The app refuses a viewer's edit; a modified client would send it anyway.
    let mut forged = PlanDoc::from_state(77, &hendra.session.doc().encode_state()).unwrap();
    let mut mine = hendra.plan();
    mine["name"] = json!("Changed by a viewer");
    assert_eq!(
        hendra.session.edited(&mine),
        Err(alur::domain::sync::SyncError::ReadOnly)
    );
    assert_eq!(hendra.plan()["name"], rina.plan()["name"]);
    let mut plan = forged.read();
    plan["name"] = json!("Changed by a viewer");
    let update = forged.write(&plan).unwrap();
    assert!(!update.is_empty());
    let frame = wire::sync(ROOM, &wire::Sync::Update(update));
    hendra
        .socket
        .as_mut()
        .unwrap()
        .send(Message::binary(frame))
        .unwrap();
    // Rina edits afterwards, so once her edit is back at Hendra's, his would have arrived too.
    rina.edit(|p| p["goal"]["unit"] = json!("pcs"));
    until(
        &mut [&mut rina, &mut hendra],
        "Rina's later edit at Hendra's",
        |c| c[1].plan()["goal"]["unit"] == "pcs",
    );
    assert_eq!(
        rina.plan()["name"],
        "Product X sales +20% (Instagram & Google Ads)"
    );
    // And the server did not store it: a fresh client reads the old name.
    let mut fresh = Client::new(PlanDoc::new(66), "token-dimas");
    fresh.connect(server.port);
    until(&mut [&mut fresh], "fresh synced", |c| {
        c[0].session.status() == Status::Synced
    });
    assert_eq!(
        fresh.plan()["name"],
        "Product X sales +20% (Instagram & Google Ads)"
    );
    assert_eq!(fresh.plan()["goal"]["unit"], "pcs");
}
