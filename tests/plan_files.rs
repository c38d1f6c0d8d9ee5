//! Plan files end to end: export, import, the messages a user sees for bad files, the JSON
//! Schema kept in step with the Rust types, and the example files.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::Path;

use alur::domain::model::plan::*;
use alur::domain::model::templates::seed_example;
use alur::domain::plan_file::import::ExportFile;
use alur::domain::values::date::Date;
use alur::domain::{export_json, parse_plan_file, ImportError, MAX_IMPORT_BYTES};
use alur::i18n::messages::import_error;
use alur::i18n::Lang;
use proptest::prelude::*;
use serde_json::{json, Value};

fn date(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn export(plan: &Plan) -> String {
    export_json(plan, "0.1.0", "2026-11-28T10:00:00Z")
}

/// The message shown for a file that must be refused.
fn refusal(bytes: &[u8], lang: Lang) -> String {
    match parse_plan_file(bytes) {
        Ok(plan) => panic!("accepted: {plan:?}"),
        Err(err) => import_error(&err, lang, "plan.json"),
    }
}

fn en(bytes: &[u8]) -> String {
    refusal(bytes, Lang::En)
}

/// A small valid export file as JSON, for the rejection tests to break.
fn good_file() -> Value {
    json!({
        "format": "alur-plan",
        "schema_version": 1,
        "app_version": "0.1.0",
        "exported_at": "2026-11-28T10:00:00Z",
        "plan": {
            "schema_version": 1,
            "id": "p1",
            "name": "Launch",
            "goal": {"start": "2026-01-01", "end": "2026-06-30"},
            "kpis": [{"id": "k1", "name": "Sales", "target": 120}],
            "budget": {"total": 1000, "allocations": [{"id": "a1", "channel": "sem", "amount": 600}]},
            "tasks": [
                {"id": "t1", "title": "Brief", "start": "2026-01-01", "end": "2026-01-07"},
                {"id": "t2", "title": "Ads", "depends_on": ["t1"]}
            ]
        }
    })
}

/// `good_file` with one change at a JSON pointer.
fn with(pointer: &str, value: Value) -> Vec<u8> {
    let mut doc = good_file();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match doc.pointer_mut(parent).unwrap() {
        Value::Object(map) => {
            map.insert(key.to_string(), value);
        }
        other => other[key.parse::<usize>().unwrap()] = value,
    }
    serde_json::to_vec(&doc).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Rejections

// Guards: the good fixture itself imports, so every rejection below is caused by its one change.
#[test]
fn the_fixture_imports() {
    let plan = parse_plan_file(&serde_json::to_vec(&good_file()).unwrap()).unwrap();
    assert_eq!(plan.tasks[1].depends_on, vec!["t1".to_string()]);
}

// Guards: a file that is not JSON at all says so, with the position.
#[test]
fn refuses_text_that_is_not_json() {
    assert_eq!(
        en(b"Launch plan"),
        "The file plan.json is not valid JSON: there is an error at line 1, column 1 (a value was expected here)."
    );
    assert_eq!(
        refusal(b"Launch plan", Lang::Id),
        "Berkas plan.json bukan JSON yang sah: ada kesalahan di baris 1, kolom 1 (seharusnya ada sebuah nilai di sini)."
    );
}

// Guards: a cut-off download is told apart from a syntax error.
#[test]
fn refuses_truncated_json() {
    let text = export(&Plan::blank("p", "P", 0));
    let cut = &text.as_bytes()[..text.len() / 2];
    let msg = en(cut);
    assert!(
        msg.starts_with(
            "The file plan.json is cut short: its JSON stops before it is complete (line "
        ),
        "{msg}"
    );
    assert!(
        msg.ends_with("The download or copy may be incomplete."),
        "{msg}"
    );
}

// Guards: valid JSON of the wrong shape (a list, a string) is not read as a plan.
#[test]
fn refuses_a_top_level_that_is_not_an_object() {
    assert_eq!(
        en(b"[1, 2]"),
        "The file plan.json holds a list, not an Alur plan."
    );
    assert_eq!(
        en(b"\"plan\""),
        "The file plan.json holds text, not an Alur plan."
    );
}

// Guards: another app's JSON export is recognised as foreign.
#[test]
fn refuses_another_format() {
    assert_eq!(
        en(&with("/format", json!("ga4-export"))),
        "The file plan.json has the format 'ga4-export', so it is not an Alur plan."
    );
}

// Guards: the wrapper is checked without its plan (a large plan is not copied for it), yet an
// export file that lacks the plan, or has a wrapper field of the wrong type, is still refused.
#[test]
fn refuses_an_export_wrapper_without_its_plan_or_with_a_bad_field() {
    let mut doc = good_file();
    doc.as_object_mut().unwrap().remove("plan");
    let err = parse_plan_file(&serde_json::to_vec(&doc).unwrap()).unwrap_err();
    assert!(
        matches!(&err, ImportError::MissingField { field, .. } if field == "plan"),
        "{err:?}"
    );
    let err = parse_plan_file(&with("/app_version", json!(7))).unwrap_err();
    assert!(
        matches!(&err, ImportError::WrongType { path, .. } if path == "app_version"),
        "{err:?}"
    );
}

// Guards: without a version the file cannot be migrated safely.
#[test]
fn refuses_a_missing_schema_version() {
    let mut doc = good_file();
    doc.as_object_mut().unwrap().remove("schema_version");
    assert_eq!(
        en(&serde_json::to_vec(&doc).unwrap()),
        "The file plan.json does not state its schema version (schema_version), so it cannot be read safely."
    );
    let bare = br#"{"id": "p", "name": "P"}"#;
    assert_eq!(
        en(bare),
        "The file plan.json does not state its schema version (schema_version), so it cannot be read safely."
    );
    assert_eq!(
        en(&with("/plan/schema_version", json!("one"))),
        "In the file plan.json, the schema version at plan.schema_version (\"one\") is not a whole number."
    );
}

// Guards: a file from a newer app is refused with advice, not misread.
#[test]
fn refuses_a_future_schema_version() {
    let file = with("/schema_version", json!(SCHEMA_VERSION + 1));
    assert_eq!(
        en(&file),
        format!(
            "The file plan.json was made by a newer version of Alur (schema {}; this app reads up to {SCHEMA_VERSION}). Update Alur, then try again.",
            SCHEMA_VERSION + 1
        )
    );
    assert_eq!(
        refusal(&file, Lang::Id),
        format!(
            "Berkas plan.json dibuat oleh versi Alur yang lebih baru (skema {}; aplikasi ini membaca sampai {SCHEMA_VERSION}). Perbarui Alur, lalu coba lagi.",
            SCHEMA_VERSION + 1
        )
    );
}

// Guards: a type error names the field by its full path from the file's top.
#[test]
fn refuses_a_field_of_the_wrong_type() {
    assert_eq!(
        en(&with("/plan/kpis/0/target", json!("high"))),
        "In the file plan.json, plan.kpis[0].target must be a number, but it holds text."
    );
    assert_eq!(
        en(&with("/plan/tasks", json!({"t1": {}}))),
        "In the file plan.json, plan.tasks must be a list, but it holds an object."
    );
    assert_eq!(
        en(&with("/plan/status", json!("lost"))),
        "In the file plan.json, 'lost' is not an allowed choice for plan.status."
    );
    assert_eq!(
        en(&with("/plan/goal/colour", json!("red"))),
        "In the file plan.json, the field plan.goal.colour is not known. It may be a typo, or the file comes from another app."
    );
    assert_eq!(
        en(&with(
            "/plan/budget/allocations/0",
            json!({"id": "a1", "amount": 5})
        )),
        "In the file plan.json, the field 'channel' is missing at plan.budget.allocations[0]."
    );
}

// Guards: negative money is refused, with the amount and where it is.
#[test]
fn refuses_negative_money() {
    assert_eq!(
        en(&with("/plan/budget/allocations/0/amount", json!(-600))),
        "The file plan.json can be read, but its content has 1 problem(s):\n\
         • plan.budget.allocations[0].amount: The amount -600 is negative; money cannot be below zero."
    );
}

// Guards: JavaScript's NaN/Infinity and numbers beyond f64 never become plan values.
#[test]
fn refuses_nan_infinity_and_huge_numbers() {
    let text = serde_json::to_string(&good_file()).unwrap();
    let nan = text.replace("\"target\":120", "\"target\":NaN");
    let msg = en(nan.as_bytes());
    assert!(
        msg.starts_with("The file plan.json contains 'NaN' at line 1, column "),
        "{msg}"
    );
    assert!(
        msg.ends_with("which is not a valid number. Replace it with a number."),
        "{msg}"
    );
    let inf = text.replace("\"target\":120", "\"target\":-Infinity");
    assert!(en(inf.as_bytes()).contains("contains '-Infinity' at line 1"));
    let huge = text.replace("\"target\":120", "\"target\":1e400");
    let msg = en(huge.as_bytes());
    assert!(
        msg.starts_with(
            "In the file plan.json, the number at plan.kpis[0].target (line 1, column "
        ),
        "{msg}"
    );
    assert!(msg.ends_with(") is too large."), "{msg}");
}

// Guards: days that do not exist and other date formats are refused with the expected form.
#[test]
fn refuses_invalid_dates() {
    assert_eq!(
        en(&with("/plan/goal/start", json!("2026-02-30"))),
        "In the file plan.json, plan.goal.start holds '2026-02-30', which is not a valid date. Write dates as YYYY-MM-DD, for example 2026-11-28."
    );
    assert_eq!(
        en(&with("/plan/tasks/0/end", json!("28/11/2026"))),
        "In the file plan.json, plan.tasks[0].end holds '28/11/2026', which is not a valid date. Write dates as YYYY-MM-DD, for example 2026-11-28."
    );
    assert_eq!(
        refusal(&with("/plan/goal/start", json!("2026-02-30")), Lang::Id),
        "Dalam berkas plan.json, plan.goal.start berisi '2026-02-30', yang bukan tanggal sah. Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-11-28."
    );
}

// Guards: an end before its start is caught for goals and tasks.
#[test]
fn refuses_an_end_before_the_start() {
    assert_eq!(
        en(&with("/plan/tasks/0/end", json!("2025-12-31"))),
        "The file plan.json can be read, but its content has 1 problem(s):\n\
         • plan.tasks[0].end: The end date 2025-12-31 comes before the start date 2026-01-01."
    );
    assert!(
        en(&with("/plan/goal/end", json!("2025-01-01"))).contains("• plan.goal.end: The end date")
    );
}

// Guards: two entities with one id would make references ambiguous.
#[test]
fn refuses_duplicate_ids() {
    assert_eq!(
        en(&with("/plan/tasks/1/id", json!("k1"))),
        "The file plan.json can be read, but its content has 1 problem(s):\n\
         • plan.tasks[1].id: The id 'k1' is already used at plan.kpis[0].id."
    );
}

// Guards: references to ids that do not exist are named with what they should point at.
#[test]
fn refuses_references_to_missing_ids() {
    assert_eq!(
        en(&with("/plan/tasks/1/depends_on", json!(["ghost"]))),
        "The file plan.json can be read, but its content has 1 problem(s):\n\
         • plan.tasks[1].depends_on[0]: 'ghost' does not match any task."
    );
    assert_eq!(
        refusal(
            &with("/plan/tasks/1/depends_on", json!(["ghost"])),
            Lang::Id
        ),
        "Berkas plan.json terbaca, tetapi isinya punya 1 masalah:\n\
         • plan.tasks[1].depends_on[0]: 'ghost' tidak cocok dengan tugas mana pun."
    );
}

// Guards: a huge file is refused before it is read, with the limit in MB.
#[test]
fn refuses_a_file_over_the_size_limit() {
    let big = vec![b' '; MAX_IMPORT_BYTES + 1024 * 1024];
    assert_eq!(
        refusal(&big, Lang::En),
        "The file plan.json is 11 MB, over the 10 MB limit."
    );
    assert_eq!(
        refusal(&big, Lang::Id),
        "Berkas plan.json berukuran 11 MB, melebihi batas 10 MB."
    );
}

// Guards: pathological nesting is stopped by the pre-scan, with its position.
#[test]
fn refuses_very_deep_nesting() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(
        en(deep.as_bytes()),
        "The file plan.json nests too deeply (more than 64 levels) at line 1, column 65."
    );
}

// Guards: an empty file (or one of blank lines) gets its own plain message.
#[test]
fn refuses_an_empty_file() {
    assert_eq!(en(b""), "The file plan.json is empty.");
    assert_eq!(en(b" \n\t\r\n"), "The file plan.json is empty.");
    assert_eq!(en(b"\xEF\xBB\xBF"), "The file plan.json is empty.");
}

// Guards: UTF-16 files (with or without a byte order mark) get advice to re-save as UTF-8.
#[test]
fn refuses_utf16() {
    let text = serde_json::to_string(&good_file()).unwrap();
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let expected =
        "The file plan.json is saved as UTF-16. Save it again as UTF-8, then import it again.";
    assert_eq!(en(&le), expected);
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_eq!(en(&be), expected);
}

// Guards: images, archives and other binary files are refused as not text.
#[test]
fn refuses_binary_files() {
    let expected = "The file plan.json is not a text file, so it is not an Alur plan.";
    assert_eq!(en(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), expected);
    assert_eq!(en(b"\xFF\xD8\xFF\xE0 JFIF"), expected);
    assert_eq!(
        parse_plan_file(b"{\"a\": \"\xC3\x28\"}"),
        Err(ImportError::Binary { offset: 7 })
    );
}

// Guards: Notepad's UTF-8 byte order mark does not stop an otherwise good file.
#[test]
fn accepts_a_utf8_byte_order_mark() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(serde_json::to_vec(&good_file()).unwrap());
    assert_eq!(parse_plan_file(&bytes).unwrap().name, "Launch");
}

// Guards: the bare plan form (what localStorage holds) imports as well as the export wrapper.
#[test]
fn accepts_a_bare_plan_document() {
    let plan = good_file()["plan"].clone();
    let text = serde_json::to_string(&plan).unwrap();
    assert_eq!(parse_plan_file(text.as_bytes()).unwrap().id, "p1");
    assert_eq!(alur::domain::parse_stored_plan(&text).unwrap().id, "p1");
    // A bare plan's errors have paths without the `plan.` prefix.
    let bad = text.replace("\"target\":120", "\"target\":\"x\"");
    assert!(en(bad.as_bytes()).contains(", kpis[0].target must be a number"));
}

// ---------------------------------------------------------------------------------------------
// Round trips

/// A plan with text meant to break naive handling: emoji, right-to-left scripts, markup.
fn tricky_plan() -> Plan {
    let mut plan = Plan::blank("p1", "Kampanye 🚀🇮🇩 ‏مرحبا بالعالم‎ שלום", 0);
    plan.goal.specific = "<script>alert(1)</script>".into();
    plan.goal.achievable = "<img src=x onerror=alert(1)>".into();
    plan.goal.relevant =
        "👩🏽‍💻 ZWJ, e\u{301} combining, \"quotes\" \\ back\\slash \u{0} nul \u{202E}rtl-override"
            .into();
    plan.market.trends.push(Note {
        id: "n1".into(),
        text: "עברית ו-العربية mixed with English".into(),
    });
    plan.report.summary = "</textarea><svg onload=alert(1)>&amp;&lt;".into();
    plan
}

// Guards: user text survives export and import byte for byte, and markup is kept as text.
#[test]
fn emoji_rtl_and_markup_survive_byte_for_byte() {
    let plan = tricky_plan();
    let text = export(&plan);
    assert!(text.contains("<script>alert(1)</script>"));
    assert!(text.contains("مرحبا بالعالم"));
    let back = parse_plan_file(text.as_bytes()).unwrap();
    assert_eq!(back, plan);
    assert_eq!(
        back.goal.achievable.as_bytes(),
        b"<img src=x onerror=alert(1)>"
    );
    assert_eq!(back.name.as_bytes(), plan.name.as_bytes());
    assert_eq!(back.goal.relevant.as_bytes(), plan.goal.relevant.as_bytes());
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,12}",
        Just("<script>alert(1)</script>".to_string())
    ]
}

fn number() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("finite", |x| x.is_finite())
}

fn day() -> impl Strategy<Value = Date> {
    (1900..=9999i32, 1..=12u8, 1..=28u8).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn channel() -> impl Strategy<Value = Channel> {
    prop_oneof![
        Just(Channel::Seo),
        Just(Channel::Sem),
        Just(Channel::Instagram),
        Just(Channel::Tiktok),
        text().prop_map(Channel::Other),
    ]
}

fn note() -> impl Strategy<Value = Note> {
    (text(), text()).prop_map(|(id, text)| Note { id, text })
}

fn kpi() -> impl Strategy<Value = Kpi> {
    let direction = prop_oneof![
        Just(Direction::HigherIsBetter),
        Just(Direction::LowerIsBetter),
        (number(), number()).prop_map(|(min, max)| Direction::WithinRange { min, max }),
    ];
    (
        (text(), text(), proptest::option::of(text()), text()),
        direction,
        (
            proptest::option::of(number()),
            proptest::option::of(number()),
        ),
        (proptest::option::of(day()), proptest::option::of(channel())),
    )
        .prop_map(
            |((id, name, metric, unit), direction, (baseline, target), (deadline, channel))| Kpi {
                id,
                name,
                metric,
                unit,
                direction,
                baseline,
                target,
                deadline,
                channel,
                sources: vec!["Google Ads".into()],
                basis: TargetBasis::Campaign,
            },
        )
}

fn task() -> impl Strategy<Value = Task> {
    (
        (text(), text(), text()),
        (proptest::option::of(day()), proptest::option::of(day())),
        proptest::option::of(channel()),
        proptest::collection::vec(text(), 0..3),
    )
        .prop_map(
            |((id, title, owner), (start, end), channel, depends_on)| Task {
                id,
                title,
                owner,
                start,
                end,
                channel,
                depends_on,
                status: TaskStatus::Doing,
            },
        )
}

fn allocation() -> impl Strategy<Value = Allocation> {
    (text(), channel(), number(), proptest::option::of(number())).prop_map(
        |(id, channel, amount, expected_return)| Allocation {
            id,
            channel,
            amount,
            priority: Priority::Low,
            expected_return,
        },
    )
}

fn measurement() -> impl Strategy<Value = Measurement> {
    (
        (text(), text()),
        day(),
        proptest::option::of(day()),
        number(),
        text(),
    )
        .prop_map(|((id, kpi), date, end, value, source)| Measurement {
            id,
            kpi,
            date,
            end,
            value,
            source,
            note: String::new(),
            import: String::new(),
        })
}

fn plan() -> impl Strategy<Value = Plan> {
    use proptest::collection::vec;
    (
        (text(), text(), text(), any::<i64>(), any::<u64>()),
        (
            text(),
            proptest::option::of(number()),
            proptest::option::of(day()),
            proptest::option::of(day()),
        ),
        (vec(note(), 0..3), vec(note(), 0..2)),
        (vec(kpi(), 0..3), number(), vec(allocation(), 0..3)),
        (vec(task(), 0..4), vec(measurement(), 0..3)),
    )
        .prop_map(|(head, goal, notes, money, work)| {
            let (id, name, currency, created_at, revision) = head;
            let mut plan = Plan::blank(&id, &name, created_at);
            plan.currency = currency;
            plan.revision = revision;
            (
                plan.goal.specific,
                plan.goal.target,
                plan.goal.start,
                plan.goal.end,
            ) = goal;
            (plan.market.trends, plan.report.learnings) = notes;
            (plan.kpis, plan.budget.total, plan.budget.allocations) = money;
            (plan.tasks, plan.measurements) = work;
            plan
        })
}

/// `plan` changed just enough to pass validation: fresh ids, no dangling references, money
/// made positive, dates and ranges put in order.
fn make_valid(mut plan: Plan) -> Plan {
    let mut n = 0;
    let mut fresh = || {
        n += 1;
        format!("e{n}")
    };
    plan.id = "plan-1".into();
    if plan.name.trim().is_empty() {
        plan.name = "Plan".into();
    }
    plan.currency = "IDR".into();
    let order = |a: &mut Option<Date>, b: &mut Option<Date>| {
        if let (Some(x), Some(y)) = (*a, *b) {
            if y < x {
                (*a, *b) = (Some(y), Some(x));
            }
        }
    };
    order(&mut plan.goal.start, &mut plan.goal.end);
    for note in plan
        .market
        .trends
        .iter_mut()
        .chain(&mut plan.report.learnings)
    {
        note.id = fresh();
    }
    for k in &mut plan.kpis {
        k.id = fresh();
        if let Direction::WithinRange { min, max } = &mut k.direction {
            if min > max {
                std::mem::swap(min, max);
            }
        }
    }
    plan.budget.total = plan.budget.total.abs();
    for a in &mut plan.budget.allocations {
        a.id = fresh();
        a.amount = a.amount.abs();
        a.expected_return = a.expected_return.map(f64::abs);
    }
    for t in &mut plan.tasks {
        t.id = fresh();
        t.depends_on.clear();
        order(&mut t.start, &mut t.end);
    }
    let kpi = plan.kpis.first().map(|k| k.id.clone());
    match kpi {
        Some(kpi) => {
            for m in &mut plan.measurements {
                m.id = fresh();
                m.kpi = kpi.clone();
                if m.end.is_some_and(|e| e < m.date) {
                    m.end = Some(m.date);
                }
            }
        }
        None => plan.measurements.clear(),
    }
    // Every way into a plan keeps amounts in the currency's minor units.
    alur::domain::values::money::round_amounts(&mut plan);
    plan
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    // Guards: the serde layer loses nothing, whatever the content (valid or not).
    #[test]
    fn any_plan_survives_the_export_format(plan in plan()) {
        let text = export(&plan);
        let file: ExportFile = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(file.plan, plan);
    }

    // Guards: any valid plan imports unchanged through the full import pipeline.
    #[test]
    fn valid_plans_survive_export_and_import(plan in plan().prop_map(make_valid)) {
        prop_assert_eq!(alur::domain::validate(&plan), vec![]);
        let back = parse_plan_file(export(&plan).as_bytes());
        prop_assert_eq!(back, Ok(plan));
    }
}

// ---------------------------------------------------------------------------------------------
// The JSON Schema

/// A plan with every Option set, every list filled and every enum variant used somewhere
/// (the plan's own status and objective vary with `variant`).
fn full_plan(variant: usize) -> Plan {
    let d = date("2026-01-05");
    let channels = vec![
        Channel::Seo,
        Channel::Sem,
        Channel::Instagram,
        Channel::Facebook,
        Channel::Tiktok,
        Channel::X,
        Channel::Linkedin,
        Channel::Youtube,
        Channel::Email,
        Channel::Content,
        Channel::Website,
        Channel::Other("Podcast".into()),
    ];
    let note = |id: &str| Note {
        id: id.into(),
        text: "t".into(),
    };
    let statuses = [
        TaskStatus::Todo,
        TaskStatus::Doing,
        TaskStatus::Blocked,
        TaskStatus::Done,
    ];
    let mut plan = Plan::blank("plan", "Full", 1);
    plan.status = [
        PlanStatus::Draft,
        PlanStatus::InReview,
        PlanStatus::Approved,
        PlanStatus::Running,
        PlanStatus::Completed,
    ][variant % 5];
    plan.goal = Goal {
        objective: [
            Objective::Awareness,
            Objective::Leads,
            Objective::Sales,
            Objective::Engagement,
        ][variant % 4],
        specific: "s".into(),
        metric: "m".into(),
        unit: "%".into(),
        baseline: Some(1.0),
        target: Some(2.0),
        achievable: "a".into(),
        relevant: "r".into(),
        start: Some(d),
        end: Some(d),
    };
    plan.market = MarketSituation {
        trends: vec![note("tr")],
        opportunities: vec![note("op")],
        challenges: vec![note("ch")],
        strengths: vec![note("st")],
        weaknesses: vec![note("we")],
    };
    plan.competitors = vec![Competitor {
        id: "co".into(),
        name: "n".into(),
        website: "w".into(),
        channels: channels.clone(),
        strategy: "s".into(),
        strengths: "s".into(),
        weaknesses: "w".into(),
        notes: "n".into(),
    }];
    plan.personas = vec![Persona {
        id: "pe".into(),
        name: "n".into(),
        demographics: "d".into(),
        psychographics: "p".into(),
        behaviour: "b".into(),
        needs: "n".into(),
        channels: channels.clone(),
    }];
    plan.gaps = [Priority::Low, Priority::Medium, Priority::High]
        .into_iter()
        .enumerate()
        .map(|(i, priority)| MarketGap {
            id: format!("ga{i}"),
            description: "d".into(),
            evidence: vec!["tr".into(), "co".into(), "pe".into()],
            priority,
        })
        .collect();
    plan.channels = vec![ChannelPlan {
        id: "cp".into(),
        channel: Channel::Sem,
        rationale: "r".into(),
        gaps: vec!["ga0".into()],
        personas: vec!["pe".into()],
        tactics: "t".into(),
    }];
    let directions = [
        Direction::HigherIsBetter,
        Direction::LowerIsBetter,
        Direction::WithinRange { min: 1.0, max: 2.0 },
    ];
    plan.kpis = directions
        .into_iter()
        .enumerate()
        .map(|(i, direction)| Kpi {
            id: format!("k{i}"),
            name: "n".into(),
            metric: Some("m".into()),
            unit: "u".into(),
            direction,
            baseline: Some(1.0),
            target: Some(2.0),
            deadline: Some(d),
            channel: Some(Channel::Other("Radio".into())),
            sources: vec!["Google Ads".into()],
            basis: [
                TargetBasis::Campaign,
                TargetBasis::PerMonth,
                TargetBasis::PerWeek,
            ][i % 3],
        })
        .collect();
    plan.budget = Budget {
        total: 10.0,
        allocations: vec![Allocation {
            id: "al".into(),
            channel: Channel::Sem,
            amount: 5.0,
            priority: Priority::High,
            expected_return: Some(9.0),
        }],
    };
    plan.tasks = statuses
        .into_iter()
        .enumerate()
        .map(|(i, status)| Task {
            id: format!("ta{i}"),
            title: "t".into(),
            owner: "o".into(),
            start: Some(d),
            end: Some(d),
            channel: Some(Channel::Email),
            depends_on: if i == 0 {
                vec!["ta1".into()]
            } else {
                vec!["ta0".into()]
            },
            status,
        })
        .collect();
    let decisions = [
        Decision::Submitted,
        Decision::Approved,
        Decision::ChangesRequested,
        Decision::Rejected,
        Decision::Reopened,
    ];
    plan.approvals = decisions
        .into_iter()
        .enumerate()
        .map(|(i, decision)| Approval {
            id: format!("ap{i}"),
            decision,
            by: "b".into(),
            comment: "c".into(),
            date: d,
            fingerprint: "f".into(),
            revision: 1,
        })
        .collect();
    let workstreams = [
        Workstream::Team,
        Workstream::Content,
        Workstream::Website,
        Workstream::Seo,
        Workstream::Sem,
        Workstream::Social,
        Workstream::Email,
        Workstream::Monitoring,
    ];
    plan.execution = workstreams
        .into_iter()
        .enumerate()
        .map(|(i, workstream)| ExecutionItem {
            id: format!("ex{i}"),
            workstream,
            title: "t".into(),
            owner: "o".into(),
            due: Some(d),
            status: statuses[i % 4],
        })
        .collect();
    let kinds = [
        ContentKind::BlogPost,
        ContentKind::Article,
        ContentKind::Video,
        ContentKind::Infographic,
        ContentKind::SocialPost,
        ContentKind::Email,
        ContentKind::AdCreative,
    ];
    let content_statuses = [
        ContentStatus::Idea,
        ContentStatus::Draft,
        ContentStatus::Review,
        ContentStatus::Scheduled,
        ContentStatus::Published,
    ];
    plan.content = kinds
        .into_iter()
        .enumerate()
        .map(|(i, kind)| ContentItem {
            id: format!("cn{i}"),
            title: "t".into(),
            kind,
            channel: Some(Channel::Instagram),
            owner: "o".into(),
            publish: Some(d),
            status: content_statuses[i % 5],
        })
        .collect();
    plan.spend = vec![SpendEntry {
        id: "sp".into(),
        channel: Channel::Sem,
        date: d,
        amount: 1.0,
        note: "n".into(),
    }];
    plan.measurements = vec![Measurement {
        id: "me".into(),
        kpi: "k0".into(),
        date: d,
        end: Some(d),
        value: 1.5,
        source: "GA4".into(),
        note: "n".into(),
        import: String::new(),
    }];
    plan.facts = vec![FactSeries {
        id: "fa".into(),
        metric: "clicks".into(),
        source: "Google Ads".into(),
        labels: [("campaign".to_string(), "Brand".to_string())].into(),
        import: "im".into(),
        start: d,
        steps: vec![1],
        span: 1,
        spans: vec![1, 7],
        values: vec![10.0, 12.5],
    }];
    plan.problems = vec![Problem {
        id: "pr".into(),
        kpi: "k0".into(),
        date: d,
        symptom: "s".into(),
        causes: vec![
            Cause::Targeting,
            Cause::Creative,
            Cause::LandingPage,
            Cause::Offer,
            Cause::Budget,
            Cause::Timing,
            Cause::ChannelFit,
            Cause::Other,
        ],
        notes: "n".into(),
    }];
    plan.optimisations = vec![Optimisation {
        id: "opt".into(),
        problem: Some("pr".into()),
        action: "a".into(),
        owner: "o".into(),
        date: d,
    }];
    plan.report = ReportNotes {
        summary: "s".into(),
        learnings: vec![note("le")],
        next_steps: "n".into(),
    };
    plan
}

fn load_schema() -> Value {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/plan.schema.json"),
    )
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Walks a JSON document and the schema together, recording which schema properties and enum
/// values the document uses, and every object met with its schema location.
struct SchemaWalk<'a> {
    root: &'a Value,
    used: BTreeSet<(String, String)>,
    objects: Vec<(String, String)>,
}

impl SchemaWalk<'_> {
    fn resolve(&self, schema: &Value, loc: &str) -> (Value, String) {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let pointer = r.strip_prefix('#').unwrap();
                (self.root.pointer(pointer).unwrap().clone(), r.to_string())
            }
            None => (schema.clone(), loc.to_string()),
        }
    }

    /// Shallow test used to choose a `oneOf`/`anyOf` branch.
    fn fits(&self, schema: &Value, value: &Value) -> bool {
        let (schema, _) = self.resolve(schema, "");
        if let Some(c) = schema.get("const") {
            return c == value;
        }
        let type_ok = match schema.get("type").and_then(Value::as_str) {
            Some("object") => value.is_object(),
            Some("array") => value.is_array(),
            Some("string") => value.is_string(),
            Some("number") => value.is_number(),
            Some("integer") => value.is_i64() || value.is_u64(),
            Some("null") => value.is_null(),
            _ => schema.get("oneOf").is_some() || schema.get("anyOf").is_some(),
        };
        let enum_ok = schema
            .get("enum")
            .and_then(Value::as_array)
            .is_none_or(|values| values.contains(value));
        let props_ok = match (schema.get("properties"), value.as_object()) {
            (Some(props), Some(obj)) => obj.iter().all(|(k, v)| {
                props
                    .get(k)
                    .is_some_and(|p| p.get("const").is_none_or(|c| c == v))
            }),
            _ => true,
        };
        type_ok && enum_ok && props_ok
    }

    fn walk(&mut self, schema: &Value, loc: &str, value: &Value, at: &str) {
        let (schema, loc) = self.resolve(schema, loc);
        for combinator in ["oneOf", "anyOf"] {
            if let Some(branches) = schema.get(combinator).and_then(Value::as_array) {
                let chosen: Vec<usize> = (0..branches.len())
                    .filter(|&i| self.fits(&branches[i], value))
                    .collect();
                assert_eq!(
                    chosen.len(),
                    1,
                    "{at}: {value} fits branches {chosen:?} of {loc}"
                );
                let i = chosen[0];
                self.walk(&branches[i], &format!("{loc}/{combinator}/{i}"), value, at);
                return;
            }
        }
        assert!(
            self.fits(&schema, value),
            "{at}: {value} does not fit {loc}"
        );
        if let Some(v) = value.as_str().filter(|_| schema.get("enum").is_some()) {
            self.used.insert((loc.clone(), format!("enum:{v}")));
        }
        if let Some(items) = value.as_array() {
            for (i, item) in items.iter().enumerate() {
                self.walk(
                    &schema["items"],
                    &format!("{loc}/items"),
                    item,
                    &format!("{at}/{i}"),
                );
            }
        }
        if let Some(obj) = value.as_object() {
            self.objects.push((at.to_string(), loc.clone()));
            for (key, v) in obj {
                // A map (`labels`): any key, each value of the `additionalProperties` schema.
                if let Some(values) = schema.get("additionalProperties").filter(|s| s.is_object()) {
                    self.walk(
                        values,
                        &format!("{loc}/additionalProperties"),
                        v,
                        &format!("{at}/{key}"),
                    );
                    continue;
                }
                let prop = schema["properties"].get(key);
                assert!(
                    prop.is_some(),
                    "{at}: key '{key}' is not in the schema at {loc}"
                );
                self.used.insert((loc.clone(), key.clone()));
                self.walk(
                    prop.unwrap(),
                    &format!("{loc}/properties/{key}"),
                    v,
                    &format!("{at}/{key}"),
                );
            }
        }
    }
}

/// Every (schema location, property or `enum:value`) the schema declares.
fn declared(schema: &Value, loc: &str, out: &mut BTreeSet<(String, String)>) {
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for (key, sub) in props {
            out.insert((loc.to_string(), key.clone()));
            declared(sub, &format!("{loc}/properties/{key}"), out);
        }
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        for v in values {
            out.insert((loc.to_string(), format!("enum:{}", v.as_str().unwrap())));
        }
    }
    for combinator in ["oneOf", "anyOf"] {
        if let Some(branches) = schema.get(combinator).and_then(Value::as_array) {
            for (i, b) in branches.iter().enumerate() {
                declared(b, &format!("{loc}/{combinator}/{i}"), out);
            }
        }
    }
    if let Some(items) = schema.get("items") {
        declared(items, &format!("{loc}/items"), out);
    }
}

// Guards: the JSON Schema and the Rust types describe the same keys and enum values.
#[test]
fn the_schema_matches_the_rust_types() {
    let schema = load_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let mut walk = SchemaWalk {
        root: &schema,
        used: BTreeSet::new(),
        objects: Vec::new(),
    };
    for variant in 0..5 {
        let plan = full_plan(variant);
        assert_eq!(alur::domain::validate(&plan), vec![]);
        let doc: Value = serde_json::from_str(&export(&plan)).unwrap();
        walk.walk(&schema, "#", &doc, "");
    }
    let mut all = BTreeSet::new();
    declared(&schema, "#", &mut all);
    for (name, def) in schema["$defs"].as_object().unwrap() {
        declared(def, &format!("#/$defs/{name}"), &mut all);
    }
    let unused: Vec<_> = all.difference(&walk.used).collect();
    assert!(
        unused.is_empty(),
        "schema entries the Rust output never produces: {unused:?}"
    );
}

// Guards: `required` in the schema lists exactly the fields without serde defaults.
#[test]
fn schema_required_fields_are_the_ones_without_defaults() {
    let schema = load_schema();
    let doc: Value = serde_json::from_str(&export(&full_plan(0))).unwrap();
    let mut walk = SchemaWalk {
        root: &schema,
        used: BTreeSet::new(),
        objects: Vec::new(),
    };
    walk.walk(&schema, "#", &doc, "");
    let reads = |d: &Value| serde_json::from_value::<ExportFile>(d.clone()).is_ok();
    for (at, loc) in &walk.objects {
        let object_schema = schema.pointer(loc.strip_prefix('#').unwrap()).unwrap();
        // A map (`labels`) has keys of the user's, none required.
        if object_schema["additionalProperties"].is_object() {
            continue;
        }
        let required: Vec<&str> = object_schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let keys: Vec<String> = doc
            .pointer(at)
            .unwrap()
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        // Without its optional fields the object still reads: they have defaults.
        let mut minimal = doc.clone();
        minimal
            .pointer_mut(at)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .retain(|k, _| required.contains(&k.as_str()));
        assert!(
            reads(&minimal),
            "{at} ({loc}) needs a field not in `required`"
        );
        // Without any one required field it does not: it has no default.
        for key in keys.iter().filter(|k| required.contains(&k.as_str())) {
            let mut broken = doc.clone();
            broken
                .pointer_mut(at)
                .unwrap()
                .as_object_mut()
                .unwrap()
                .remove(key);
            assert!(
                !reads(&broken),
                "{at}/{key} is `required` in the schema but has a default"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Examples

fn examples_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// The example files as generated from the template, with fixed ids, times and dates.
fn generated_examples() -> Vec<(&'static str, String)> {
    [
        (Lang::En, "seed-example.alur.json"),
        (Lang::Id, "contoh-benih.alur.json"),
    ]
    .into_iter()
    .map(|(lang, name)| {
        let mut n = 0;
        let mut ids = || {
            n += 1;
            format!("ex-{n:02}")
        };
        let plan = seed_example(lang, &mut ids, 1_767_571_200_000, date("2026-01-05"));
        let text = export_json(&plan, "0.1.0", "2026-01-05T00:00:00Z") + "\n";
        (name, text)
    })
    .collect()
}

// Guards: the example files stay what the template makes; `ALUR_BLESS=1` rewrites them.
#[test]
fn the_examples_are_generated_from_the_template() {
    let bless = std::env::var_os("ALUR_BLESS").is_some();
    for (name, text) in generated_examples() {
        let path = examples_dir().join(name);
        if bless {
            std::fs::write(&path, &text).unwrap();
        }
        let on_disk = std::fs::read_to_string(&path).unwrap();
        assert!(
            on_disk == text,
            "{name} is stale: run ALUR_BLESS=1 cargo test --test plan_files"
        );
    }
}

// Guards: every file shipped in examples/ imports cleanly.
#[test]
fn every_example_file_imports() {
    let mut count = 0;
    for entry in std::fs::read_dir(examples_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let bytes = std::fs::read(&path).unwrap();
            let plan = parse_plan_file(&bytes);
            assert!(plan.is_ok(), "{}: {plan:?}", path.display());
            count += 1;
        }
    }
    assert!(count >= 2);
}

// Guards: a file saved by any released version of Alur keeps importing. Each release that
// changes the schema adds its own `tests/fixtures/schema-v<N>.alur.json`; none is ever removed.
#[test]
fn every_released_schema_version_still_imports() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut versions = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(version) = name
            .strip_prefix("schema-v")
            .and_then(|rest| rest.strip_suffix(".alur.json"))
        else {
            continue;
        };
        let plan = parse_plan_file(&std::fs::read(&path).unwrap())
            .unwrap_or_else(|e| panic!("{name} no longer imports: {e}"));
        assert_eq!(
            plan.schema_version,
            alur::domain::model::plan::SCHEMA_VERSION,
            "{name}"
        );
        assert!(!plan.kpis.is_empty(), "{name} lost its KPIs");
        versions.push(version.parse::<u32>().unwrap());
    }
    alur::domain::values::sort::sort(&mut versions);
    // One fixture for every version from 1 to the current one.
    assert_eq!(
        versions,
        (1..=alur::domain::model::plan::SCHEMA_VERSION).collect::<Vec<_>>()
    );
}
