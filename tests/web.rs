//! Browser tests in headless Chromium (wasm-bindgen-test): the storage door and the mounted app.
#![cfg(target_arch = "wasm32")]

use alur::i18n::Lang;
use alur::storage::{self, Settings};
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear_alur_keys() {
    for (key, _) in storage::dump_all() {
        storage::remove(&key).unwrap();
    }
}

// Guards: what is written through the storage door reads back byte for byte, and removal works.
#[wasm_bindgen_test]
fn storage_round_trips_text_exactly() {
    clear_alur_keys();
    let text = "{\"name\":\"Kampanye 🚀 <b>bold</b> مرحبا\"}";
    storage::write("alur:test", text).unwrap();
    assert_eq!(storage::read("alur:test").unwrap().as_deref(), Some(text));
    storage::remove("alur:test").unwrap();
    assert_eq!(storage::read("alur:test").unwrap(), None);
}

// Guards: the crash download gathers Alur's keys only, never other sites' data on the origin.
#[wasm_bindgen_test]
// Plants another site's key straight in localStorage, past the app's one door.
#[allow(clippy::disallowed_methods)]
fn dump_all_returns_only_alur_keys_sorted() {
    clear_alur_keys();
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    raw.set_item("someone-else", "x").unwrap();
    storage::write("alur:b", "2").unwrap();
    storage::write("alur:a", "not json at all {").unwrap();
    let dump = storage::dump_all();
    assert_eq!(
        dump,
        vec![
            ("alur:a".to_string(), "not json at all {".to_string()),
            ("alur:b".to_string(), "2".to_string()),
        ]
    );
    raw.remove_item("someone-else").unwrap();
    clear_alur_keys();
}

// Guards: the chosen language survives a reload, and damaged settings fall back to defaults.
#[wasm_bindgen_test]
fn settings_are_saved_and_damaged_settings_give_defaults() {
    clear_alur_keys();
    assert_eq!(storage::load_settings(), Settings::default());
    storage::save_settings(&Settings {
        lang: Some(Lang::En),
        ..Settings::default()
    })
    .unwrap();
    assert_eq!(storage::load_settings().lang, Some(Lang::En));
    storage::write("alur:settings", "{broken").unwrap();
    assert_eq!(storage::load_settings(), Settings::default());
    clear_alur_keys();
}

// Guards: the mounted app shows the navigation of all three phases and reacts to the language
// switch.
#[wasm_bindgen_test]
async fn app_renders_navigation_and_switches_language() {
    clear_alur_keys();
    storage::save_settings(&Settings {
        lang: Some(Lang::En),
        ..Settings::default()
    })
    .unwrap();
    let document = document();
    let wrapper = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&wrapper).unwrap();
    let _dispose = mount_to(wrapper.clone().unchecked_into(), alur::ui::App);
    leptos::task::tick().await;

    let phases: Vec<String> = {
        let list = wrapper.query_selector_all("nav.app-nav h2").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.text_content())
            .collect()
    };
    assert_eq!(phases.len(), 3);
    assert!(phases[0].contains("Research & planning"), "{phases:?}");
    assert_eq!(
        wrapper
            .query_selector_all("nav.app-nav li a")
            .unwrap()
            .length(),
        20
    );

    let select: web_sys::HtmlSelectElement = wrapper
        .query_selector("#lang-select")
        .unwrap()
        .unwrap()
        .unchecked_into();
    select.set_value("id");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    let first_phase = wrapper
        .query_selector("nav.app-nav h2")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(first_phase.contains("Riset & Perencanaan"), "{first_phase}");
    assert_eq!(storage::load_settings().lang, Some(Lang::Id));
    clear_alur_keys();
}

fn sample_plan(id: &str, name: &str, updated_at: i64) -> alur::domain::model::plan::Plan {
    alur::domain::model::plan::Plan::blank(id, name, updated_at)
}

// Guards: a saved plan lists and loads back whole, newest edit first.
#[wasm_bindgen_test]
fn plans_save_list_and_load() {
    use alur::storage::plans;
    clear_alur_keys();
    plans::save(&sample_plan("old", "Older", 1_000)).unwrap();
    plans::save(&sample_plan("new", "Newer 🚀", 2_000)).unwrap();
    let names: Vec<String> = plans::list().unwrap().into_iter().map(|m| m.name).collect();
    assert_eq!(names, ["Newer 🚀", "Older"]);
    assert_eq!(
        plans::load("new").unwrap(),
        sample_plan("new", "Newer 🚀", 2_000)
    );
    assert!(matches!(
        plans::load("absent"),
        Err(plans::LoadError::Missing(_))
    ));
    clear_alur_keys();
}

// Guards: the language switch (which writes the settings without serde, #21) changes only the
// language: the import mappings, the user's name and a later version's fields and version are
// written back as they were, and the start of the app reads the language and last plan back.
#[wasm_bindgen_test]
fn the_language_switch_keeps_every_other_setting() {
    clear_alur_keys();
    let stored = r#"{"schema_version":9,"lang":"id","last_plan":"p-1","import_mappings":[{"plan":"p-1","source":"GA4","mapping":[["sessions","k1"],["bounce",null]]}],"my_name":"Sari","theme":{"dark":true,"size":1.25e0}}"#;
    storage::write("alur:settings", stored).unwrap();
    assert_eq!(
        storage::settings_start(),
        (Some(Lang::Id), Some("p-1".to_string()))
    );
    storage::save_lang(Lang::En).unwrap();
    let after = storage::read("alur:settings").unwrap().unwrap();
    let value: serde_json::Value = serde_json::from_str(&after).unwrap();
    let mut expected: serde_json::Value = serde_json::from_str(stored).unwrap();
    expected["lang"] = "en".into();
    assert_eq!(value, expected);
    // The number a later version wrote is kept as written, not reformatted.
    assert!(after.contains(r#""size":1.25e0"#), "{after}");
    let full = storage::load_settings();
    assert_eq!(full.lang, Some(Lang::En));
    assert_eq!(full.my_name.as_deref(), Some("Sari"));
    assert_eq!(full.import_mappings.len(), 1);
    assert_eq!(storage::settings_start().0, Some(Lang::En));
    // Damaged settings: the switch starts a fresh document of this build's version.
    storage::write("alur:settings", "{broken").unwrap();
    assert_eq!(storage::settings_start(), (None, None));
    storage::save_lang(Lang::Id).unwrap();
    let fresh = storage::load_settings();
    assert_eq!(fresh.lang, Some(Lang::Id));
    assert_eq!(fresh.schema_version, storage::SETTINGS_VERSION);
    clear_alur_keys();
}

// Guards: the crash screen's download (written without serde_json, #21) is the JSON serde_json's
// pretty printer gave: every key, its raw text byte for byte, escapes and all.
#[wasm_bindgen_test]
fn the_crash_download_holds_every_entry_as_serde_json_wrote_it() {
    clear_alur_keys();
    storage::write("alur:b", "line\nnext \"quoted\" \u{1} 🚀").unwrap();
    storage::write("alur:a", "not json at all {").unwrap();
    let text = alur::crash::saved_data_json();
    let entries: serde_json::Map<String, serde_json::Value> = storage::dump_all()
        .into_iter()
        .map(|(k, v)| (k, serde_json::Value::String(v)))
        .collect();
    let expected = serde_json::to_string_pretty(&serde_json::json!({
        "alur_backup": 1,
        "entries": entries,
    }))
    .unwrap();
    assert_eq!(text, expected);
    clear_alur_keys();
    assert_eq!(
        alur::crash::saved_data_json(),
        "{\n  \"alur_backup\": 1,\n  \"entries\": {}\n}"
    );
}

// Guards: a crash report sent to others never carries a team token (a password to the plan):
// the link is kept without it, and a damaged link is left out whole.
#[wasm_bindgen_test]
fn the_crash_download_hides_team_tokens() {
    clear_alur_keys();
    storage::write(
        "alur:team:p1",
        r#"{"server":"wss://sync.example","room":"alur-p1","token":"s3cret"}"#,
    )
    .unwrap();
    storage::write("alur:team:p2", r#"{"server":"wss://x","token":"s3cret"#).unwrap();
    let dump = storage::dump_all();
    assert_eq!(
        dump,
        vec![
            (
                "alur:team:p1".to_string(),
                r#"{"server":"wss://sync.example","room":"alur-p1","token":"(hidden)"}"#
                    .to_string()
            ),
            (
                "alur:team:p2".to_string(),
                "(a damaged team link, hidden)".to_string()
            ),
        ]
    );
    assert!(!alur::crash::saved_data_json().contains("s3cret"));
    clear_alur_keys();
}

// Guards: a hand-edited plan that gives its revision twice has no revision to trust (serde
// refuses it whole), rather than revision 0; one given once is read.
#[wasm_bindgen_test]
fn a_revision_given_twice_is_no_revision() {
    use alur::storage::plans;
    clear_alur_keys();
    storage::write("alur:plan:r1", r#"{"revision":4,"name":"R","revision":5}"#).unwrap();
    assert_eq!(plans::stored_revision("r1"), None);
    storage::write("alur:plan:r1", r#"{"revision":4,"name":"R"}"#).unwrap();
    assert_eq!(plans::stored_revision("r1"), Some(4));
    clear_alur_keys();
}

// Guards: the index is only a cache; a lost or damaged index never hides a stored plan.
#[wasm_bindgen_test]
fn a_damaged_index_is_rebuilt_from_the_plan_keys() {
    use alur::storage::plans;
    clear_alur_keys();
    plans::save(&sample_plan("a1", "Kept", 5)).unwrap();
    storage::write("alur:index", "[{\"broken\"").unwrap();
    let list = plans::list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].name, "Kept");
    clear_alur_keys();
}

// Guards: the plans page lists plans from their summaries without the plan engine, and moves to
// the recovery area only what is no well-formed JSON object (not JSON at all, or cut off): a
// plan the engine's tolerant reader can still read (a byte-order mark, a name given twice)
// stays listed; a document whose own id differs from its key is opened as the key's plan,
// never saved over another one.
#[wasm_bindgen_test]
fn the_list_keeps_what_the_engine_can_read_and_a_key_owns_its_plan() {
    use alur::storage::plans;
    clear_alur_keys();
    let text = serde_json::to_string(&sample_plan("a1", "Marked", 7)).unwrap();
    storage::write("alur:plan:a1", &format!("\u{feff}{text}")).unwrap();
    let twice = sample_plan("b2", "Twice", 9);
    let twice = serde_json::to_string(&twice)
        .unwrap()
        .replacen('{', "{\"name\":\"First\",", 1);
    storage::write("alur:plan:b2", &twice).unwrap();
    storage::write("alur:plan:c3", "not json at all").unwrap();
    // Cut off in the middle: not well-formed, so moved out of the list at once.
    storage::write("alur:plan:e5", &text[..text.len() / 2]).unwrap();
    let other = serde_json::to_string(&sample_plan("someone-else", "Moved", 3)).unwrap();
    storage::write("alur:plan:d4", &other).unwrap();
    let list: Vec<(String, String)> = plans::list()
        .unwrap()
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect();
    // Newest first: b2 (9), a1 (7), d4 (3); b2's name given twice is listed by its id.
    assert_eq!(
        list,
        [
            ("b2".to_string(), "b2".to_string()),
            ("a1".to_string(), "Marked".to_string()),
            ("d4".to_string(), "Moved".to_string()),
        ]
    );
    assert_eq!(
        plans::damaged()
            .into_iter()
            .map(|(key, _)| key)
            .collect::<Vec<_>>(),
        ["alur:damaged:plan:c3", "alur:damaged:plan:e5"]
    );
    assert_eq!(plans::load("a1").unwrap().name, "Marked");
    assert_eq!(plans::load("d4").unwrap().id, "d4");
    clear_alur_keys();
}

// Guards: a deleted plan is restorable, and deleting twice keeps both copies.
#[wasm_bindgen_test]
fn trash_keeps_every_deleted_version_until_restored() {
    use alur::storage::plans;
    clear_alur_keys();
    plans::save(&sample_plan("p1", "First", 1)).unwrap();
    plans::trash("p1", 100).unwrap();
    assert!(plans::list().unwrap().is_empty());
    plans::save(&sample_plan("p1", "Second", 2)).unwrap();
    plans::trash("p1", 200).unwrap();
    let trashed = plans::trashed();
    assert_eq!(trashed.len(), 2);
    assert_eq!(trashed[0].name, "Second");
    assert_eq!(trashed[0].deleted_at, 200);

    let restored = plans::restore(&trashed[1].key, "copy1").unwrap();
    assert_eq!(restored.name, "First");
    assert_eq!(restored.id, "p1");
    // The id is taken now, so the other version comes back as a copy under a new id.
    let again = plans::restore(&trashed[0].key, "copy1").unwrap();
    assert_eq!(again.id, "copy1");
    assert_eq!(plans::list().unwrap().len(), 2);
    assert!(plans::trashed().is_empty());
    clear_alur_keys();
}

// Guards the autosave's revision check: the head of a stored value is read without the rest,
// cut in UTF-16 units as JavaScript counts them, and says whether it is the whole value.
#[wasm_bindgen_test]
fn the_head_of_a_stored_value_reads_without_the_rest() {
    clear_alur_keys();
    storage::write("alur:test", "🚀abcdef").unwrap();
    assert_eq!(
        storage::read_head("alur:test", 4).unwrap(),
        Some(("🚀ab".to_string(), false))
    );
    assert_eq!(
        storage::read_head("alur:test", 8).unwrap(),
        Some(("🚀abcdef".to_string(), true))
    );
    assert_eq!(storage::read_head("alur:absent", 8).unwrap(), None);
    clear_alur_keys();
}

// Guards: a large plan's stored revision is read from its head, a small one's from the whole
// text, and a stored plan whose head does not tell (here: the revision moved past the head)
// is still read right, from the whole text.
#[wasm_bindgen_test]
fn the_stored_revision_of_small_large_and_unusual_plans() {
    use alur::storage::plans;
    clear_alur_keys();
    let mut small = sample_plan("small", "Small", 1_000);
    small.revision = 7;
    plans::save(&small).unwrap();
    assert_eq!(plans::stored_revision("small"), Some(7));

    let mut large = sample_plan("large", &"L".repeat(100), 2_000);
    large.revision = 41;
    large.goal.specific = "x".repeat(200_000);
    plans::save(&large).unwrap();
    assert_eq!(plans::stored_revision("large"), Some(41));

    let late = format!(
        "{{\"schema_version\":1,\"id\":\"late\",\"name\":\"{}\",\"revision\":9}}",
        "n".repeat(10_000)
    );
    storage::write("alur:plan:late", &late).unwrap();
    assert_eq!(plans::stored_revision("late"), Some(9));
    assert_eq!(plans::stored_revision("absent"), None);
    clear_alur_keys();
}

// Guards the rolling backups: the version a save replaces is kept byte for byte under the time
// it was last edited, at most one per 10 minutes, and all backups together stay within their
// share of storage (sizes as the browser counts them), newest kept.
#[wasm_bindgen_test]
fn a_save_keeps_the_replaced_version_and_backups_stay_within_their_budget() {
    use alur::domain::history::backups::{BUDGET_CHARS, INTERVAL_MS};
    use alur::storage::plans;
    clear_alur_keys();
    let minute = 60_000;
    let mut plan = sample_plan("big", "Big 🚀", 1_000_000);
    plan.goal.specific = "é".repeat(400_000);
    plans::save(&plan).unwrap();
    let first = storage::read("alur:plan:big").unwrap().unwrap();

    plan.updated_at += minute;
    plan.revision += 1;
    plans::save(&plan).unwrap();
    assert_eq!(
        plans::backups("big").len(),
        1,
        "the first replaced version is kept"
    );
    let (key, at) = plans::backups("big")[0].clone();
    assert_eq!(at, 1_000_000);
    assert_eq!(
        storage::read(&key).unwrap().as_deref(),
        Some(first.as_str())
    );

    plan.updated_at += minute;
    plans::save(&plan).unwrap();
    assert_eq!(
        plans::backups("big").len(),
        1,
        "no second backup within 10 minutes"
    );

    for _ in 0..5 {
        plan.updated_at += INTERVAL_MS + minute;
        plan.revision += 1;
        plans::save(&plan).unwrap();
    }
    let kept = plans::backups("big");
    let total: usize = kept
        .iter()
        .map(|(k, _)| storage::value_len(k).unwrap())
        .sum();
    assert!(kept.len() >= 2, "{} backups", kept.len());
    assert!(total <= BUDGET_CHARS, "{total} characters of backups");
    // The newest backup is the version just replaced.
    assert_eq!(kept[0].1, plan.updated_at - INTERVAL_MS - minute);
    clear_alur_keys();
}

// Guards: a shared plan's team link and replica survive a reload, a link edited by hand is
// refused rather than sent to the network, stopping sharing keeps nothing of the team, and the
// crash download never carries the token.
#[wasm_bindgen_test]
fn team_links_and_replicas_are_stored_and_the_token_stays_out_of_the_crash_download() {
    use alur::domain::sync::{PlanDoc, TeamLink};
    use alur::storage::plans;
    use alur::storage::team::{self, TeamStoreError};
    clear_alur_keys();
    assert_eq!(team::link("p1"), Ok(None));
    let link = TeamLink::new("wss://sync.tokoku.id", "alur-p1", "rahasia-123").unwrap();
    team::save_link("p1", &link).unwrap();
    assert_eq!(team::link("p1"), Ok(Some(link)));

    let mut doc = PlanDoc::new(1);
    doc.write(&serde_json::json!({"name": "Kampanye Ramadan", "schema_version": 2}))
        .unwrap();
    team::save_replica("p1", &doc.save()).unwrap();
    let restored = PlanDoc::restore(2, &team::replica("p1").unwrap().unwrap()).unwrap();
    assert_eq!(restored.read()["name"], "Kampanye Ramadan");

    let dump = storage::dump_all();
    let (_, stored_link) = dump.iter().find(|(k, _)| k == "alur:team:p1").unwrap();
    assert!(!stored_link.contains("rahasia-123"), "{stored_link}");
    assert!(stored_link.contains("wss://sync.tokoku.id"));

    // An unencrypted address to another computer, typed into storage by hand.
    storage::write(
        "alur:team:p2",
        r#"{"server":"ws://evil.example","room":"alur-p2","token":"t"}"#,
    )
    .unwrap();
    assert_eq!(team::link("p2"), Err(TeamStoreError::Damaged));
    storage::write("alur:team:p3", "{not json").unwrap();
    assert_eq!(team::link("p3"), Err(TeamStoreError::Damaged));

    team::forget("p1").unwrap();
    assert_eq!(team::link("p1"), Ok(None));
    assert_eq!(team::replica("p1"), Ok(None));

    // A shared plan deleted twice (two trash entries): emptying one keeps its team link (the
    // other can still be restored and go on syncing); emptying the last forgets the token.
    team::save_link(
        "p1",
        &TeamLink::new("wss://sync.tokoku.id", "alur-p1", "t-9").unwrap(),
    )
    .unwrap();
    team::save_replica("p1", &doc.save()).unwrap();
    plans::save(&sample_plan("p1", "First", 1)).unwrap();
    let first = plans::trash("p1", 100).unwrap();
    plans::save(&sample_plan("p1", "Second", 2)).unwrap();
    let second = plans::trash("p1", 200).unwrap();
    plans::purge(&first).unwrap();
    assert!(team::link("p1").unwrap().is_some());
    plans::purge(&second).unwrap();
    assert_eq!(team::link("p1"), Ok(None));
    assert_eq!(team::replica("p1"), Ok(None));
    clear_alur_keys();
}

// Guards: a sync server that cannot be reached is an event the session hears (the plan goes on
// offline), and an address the browser refuses is an error value, never a panic.
#[wasm_bindgen_test]
async fn a_socket_to_nowhere_says_closed_and_a_bad_address_is_refused() {
    use alur::socket::{Socket, SocketError, SocketEvent};
    use std::cell::RefCell;
    use std::rc::Rc;
    assert!(matches!(
        Socket::connect("ftp://example.org/", |_| {}),
        Err(SocketError::Refused(_))
    ));
    let events = Rc::new(RefCell::new(Vec::new()));
    let seen = events.clone();
    // Port 9 (discard) on loopback: nothing listens there in the test machine.
    let socket = Socket::connect("ws://127.0.0.1:9/", move |e| seen.borrow_mut().push(e)).unwrap();
    assert_eq!(socket.send(b"x"), Err(SocketError::NotOpen));
    for _ in 0..100 {
        if !events.borrow().is_empty() {
            break;
        }
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
    }
    assert_eq!(*events.borrow(), vec![SocketEvent::Closed { code: 1006 }]);
}

#[wasm_bindgen_test]
fn hostile_sync_bytes_cannot_panic_the_app_on_wasm32() {
    // Guards (#22): on wasm32 `usize` is 32 bits, where yrs's cursor wraps a length such as
    // `FD FF FF FF 0F` (2^32 - 3) and panics; a panic kills the app. Native tests are 64-bit
    // and cannot see it, so the frame and update readers run here too, on those lengths, on
    // every cut of a real frame and on a deterministic stream of mutated bytes.
    use alur::domain::sync::{wire, PlanDoc, Session};
    let wraps = [0x01, b'd', 0x00, 0x01, 0xFD, 0xFF, 0xFF, 0xFF, 0x0F, 0x00];
    assert!(wire::decode(&wraps).is_err());
    let mut doc = PlanDoc::new(1);
    // A step 2 whose inner string length wraps: one writer, one struct, parent by a root
    // name of length 2^32 - 3.
    let update = [
        0x01, 0x01, 0x07, 0x00, 0x08, 0x01, 0xFD, 0xFF, 0xFF, 0xFF, 0x0F, 0x00,
    ];
    assert!(doc.apply(&update, 0).is_err());
    assert!(doc.diff(&[0x01, 0xFD, 0xFF, 0xFF, 0xFF, 0x0F]).is_err());

    let mut writer = PlanDoc::new(2);
    let real = writer
        .write(&serde_json::json!({"schema_version": 2, "id": "p1", "name": "Kampanye", "goal": {"target": 10}}))
        .unwrap();
    let frame = wire::sync("alur-p1", &wire::Sync::Update(real.clone()));
    let mut session = Session::new(PlanDoc::new(3), "alur-p1", "t");
    session.opened();
    for end in 0..frame.len() {
        let _ = session.received(&frame[..end], 0);
    }
    // A small linear congruential generator: the same mutations every run.
    let mut seed: u32 = 0x2022_1202;
    let mut next = move || {
        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        seed
    };
    for _ in 0..3000 {
        let mut bytes = frame.clone();
        for _ in 0..1 + next() % 4 {
            let i = next() as usize % bytes.len();
            bytes[i] = match next() % 3 {
                0 => 0xFF,
                1 => (next() >> 24) as u8,
                _ => bytes[i].wrapping_add(1),
            };
        }
        let _ = session.received(&bytes, 0);
        let _ = PlanDoc::new(4).apply(&bytes[10.min(bytes.len())..], 0);
    }
    // The real update still reads after all that.
    assert_eq!(
        PlanDoc::from_state(5, &real).unwrap().read()["name"],
        "Kampanye"
    );
}

// Guards: a row of the app's `For` (src/ui/control.rs: one keyed list for the whole app, keyed
// by the text of each key) is the same element for as long as its key is listed, so a field
// being typed in keeps its focus and its text: reordering, removing and adding rows around it
// neither rebuilds nor replaces it. A new key builds a row; keys that differ in one part of a
// tuple are two rows.
#[wasm_bindgen_test]
async fn a_listed_row_is_kept_and_moved_never_rebuilt() {
    use alur::ui::control::For;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    let document = document();
    let wrapper = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&wrapper).unwrap();
    let s = |k: &str, n: i32| (k.to_string(), n);
    let items = RwSignal::new(vec![s("a", 1), s("b", 2), s("c", 3)]);
    let pairs = RwSignal::new(vec![s("x", 1), s("x", 2)]);
    let builds = Arc::new(AtomicUsize::new(0));
    let counted = builds.clone();
    let _dispose = mount_to(wrapper.clone().unchecked_into(), move || {
        let counted = counted.clone();
        view! {
            <ul id="keyed">
                <For each=move || items.get() key=|(k, _)| k.clone() let:item>
                    {
                        counted.fetch_add(1, Ordering::SeqCst);
                        view! { <li data-key=item.0.clone()>{item.1}</li> }
                    }
                </For>
            </ul>
            <ul id="pairs">
                <For each=move || pairs.get() key=|(k, n)| (k.clone(), *n) let:item>
                    <li>{item.1}</li>
                </For>
            </ul>
        }
    });
    leptos::task::tick().await;
    let texts = |list: &str| -> Vec<String> {
        let rows = wrapper.query_selector_all(&format!("#{list} li")).unwrap();
        (0..rows.length())
            .filter_map(|i| rows.item(i)?.text_content())
            .collect()
    };
    assert_eq!(texts("keyed"), ["1", "2", "3"]);
    assert_eq!(builds.load(Ordering::SeqCst), 3);
    let row_b = wrapper.query_selector("[data-key=b]").unwrap().unwrap();
    // `a` goes, `c` moves first, `d` is new; `b` and `c` come with new numbers, which their
    // kept rows do not show (a kept row is not rebuilt from the new item).
    items.set(vec![s("c", 30), s("b", 20), s("d", 4)]);
    leptos::task::tick().await;
    assert_eq!(texts("keyed"), ["3", "2", "4"]);
    assert_eq!(builds.load(Ordering::SeqCst), 4, "only d's row was built");
    let row_b_now = wrapper.query_selector("[data-key=b]").unwrap().unwrap();
    assert!(row_b.is_same_node(Some(&row_b_now)), "b's row was replaced");
    assert_eq!(texts("pairs"), ["1", "2"]);
    pairs.set(vec![s("x", 2)]);
    leptos::task::tick().await;
    assert_eq!(texts("pairs"), ["2"]);
    wrapper.remove();
}
