//! The collect → analyse loop of phase 3 on real-layout fixtures: a GA4 and a Google Ads
//! export are previewed, kept as facts, feed their KPIs through the mapping, and change the
//! KPIs' status; re-importing replaces or skips instead of doubling.
#![cfg(not(target_arch = "wasm32"))]

use alur::domain::analysis::collect::{apply, default_mapping, fact_overlaps, OnOverlap};
use alur::domain::analysis::importers::{decode, import};
use alur::domain::analysis::kpis::{analyse_kpi, KpiAnalysis, Status};
use alur::domain::model::plan::{Kpi, Plan};
use alur::domain::model::validate::validate;
use alur::domain::values::date::Date;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    decode(&std::fs::read(path).unwrap()).unwrap()
}

fn d(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn plan() -> Plan {
    let mut p = Plan::blank("plan1", "Batik March", 0);
    p.goal.start = Some(d("2024-03-01"));
    p.kpis.push(Kpi {
        id: "kpi-sessions".into(),
        name: "Sessions".into(),
        metric: Some("sessions".into()),
        baseline: Some(0.0),
        target: Some(3000.0),
        deadline: Some(d("2024-03-31")),
        ..Kpi::default()
    });
    p.kpis.push(Kpi {
        id: "kpi-ctr".into(),
        name: "CTR".into(),
        metric: Some("ctr".into()),
        unit: "%".into(),
        baseline: Some(5.0),
        target: Some(12.0),
        deadline: Some(d("2024-03-31")),
        ..Kpi::default()
    });
    p
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("m{n}")
    }
}

fn analysis(p: &Plan, kpi: usize, today: &str) -> KpiAnalysis {
    analyse_kpi(p, &p.kpis[kpi], d(today))
}

fn status(p: &Plan, kpi: usize, today: &str) -> Status {
    analysis(p, kpi, today).status
}

// Guards: the lead's scenario — import GA4 and Ads files, confirm, see KPI status change.
#[test]
fn ga4_and_ads_imports_change_kpi_status() {
    let mut p = plan();
    let mut ids = ids();
    assert_eq!(status(&p, 0, "2024-03-04"), Status::NoData);
    assert_eq!(status(&p, 1, "2024-03-04"), Status::NoData);

    let ga4 = import(&fixture("ga4_traffic_daily.csv")).unwrap();
    let mapping = default_mapping(&p.kpis, &ga4);
    let done = apply(
        &mut p,
        &ga4,
        &mapping,
        OnOverlap::Replace,
        ga4.source.label(),
        &mut ids,
    );
    // Three days of six metrics: sessions, engaged sessions, engagement rate, key events,
    // revenue (the file's columns) and the conversion rate derived from them.
    assert_eq!(done.added, 18);
    assert!(p.facts.iter().all(|f| f.source == "Google Analytics 4"));
    assert_eq!(p.kpis[0].sources, ["Google Analytics 4"]);
    // 3 541 sessions by 3 March against a target of 3 000 (a running total).
    let sessions = analysis(&p, 0, "2024-03-04");
    assert_eq!(sessions.actual, Some(3541.0));
    assert_eq!(sessions.status, Status::Achieved);

    let ads = import(&fixture("google_ads_campaign_en.csv")).unwrap();
    let mapping = default_mapping(&p.kpis, &ads);
    let done = apply(
        &mut p,
        &ads,
        &mapping,
        OnOverlap::Replace,
        ads.source.label(),
        &mut ids,
    );
    // Every value of the three days is kept; the two total rows are not data.
    assert_eq!(done.added, ads.rows.len());
    assert_eq!(ads.skipped_totals.len(), 2);
    assert_eq!(p.kpis[1].sources, ["Google Ads"]);
    // By hand: the period's CTR is Σclicks ÷ Σimpressions over 1–3 March, (1,000 + 850 + 912)
    // ÷ (10,650 + 9,120 + 9,875) = 2,762 ÷ 29,645 = 9.3169% (the file's own total row says
    // 9.32%; its last day alone, 9.24%). Progress from the 5% baseline to the 12% target:
    // (9.3169 − 5) ÷ 7 = 0.6167. The trajectory on 4 March, three of the 30 days from 1 to 31
    // March: 5 + 7 × 3/30 = 5.7%, so the KPI is ahead of it.
    let ctr = analysis(&p, 1, "2024-03-04");
    let actual = ctr.actual.unwrap();
    assert!(
        (actual - 2762.0 / 29_645.0 * 100.0).abs() < 1e-9,
        "{actual}"
    );
    let progress = match ctr.achievement {
        Some(alur::domain::analysis::kpis::Achievement::Progress(x)) => x,
        other => panic!("{other:?}"),
    };
    assert!((progress - (actual - 5.0) / 7.0).abs() < 1e-9, "{progress}");
    assert!((progress - 0.6167).abs() < 1e-4, "{progress}");
    assert_eq!(
        ctr.expected_now.map(|x| (x * 1000.0).round() / 1000.0),
        Some(5.7)
    );
    assert_eq!(ctr.status, Status::OnTrack);
    assert!(validate(&p).is_empty(), "{:?}", validate(&p));

    // Importing the Ads file again finds every value already there: three days of the
    // file's nine metric columns and derived rates.
    let rows = ads.rows.len();
    assert_eq!(fact_overlaps(&p, &ads, "Google Ads").len(), rows);
    let values = |p: &Plan| p.facts.iter().map(|f| f.values.len()).sum::<usize>();
    let before = values(&p);
    let again = apply(
        &mut p,
        &ads,
        &mapping,
        OnOverlap::Replace,
        "Google Ads",
        &mut ids,
    );
    assert_eq!((again.added, again.replaced), (rows, rows));
    assert_eq!(values(&p), before);
    let skip = apply(
        &mut p,
        &ads,
        &mapping,
        OnOverlap::Skip,
        "Google Ads",
        &mut ids,
    );
    assert_eq!((skip.added, skip.skipped), (0, rows));
    assert_eq!(values(&p), before);
    // Re-imported, the figures are the same.
    assert_eq!(analysis(&p, 1, "2024-03-04").actual, Some(actual));
}
