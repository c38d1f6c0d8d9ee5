//! Email campaign reports from Mailchimp and Klaviyo: one row per campaign with its send date,
//! recipients, deliveries, opens, clicks, unsubscribes, bounces and revenue. Open, click and
//! click-to-open rates are computed from the counts rather than read from the rate columns,
//! whose format differs between platforms and versions.

use super::csv;
use super::table::{col, find_header, read_table, Layout, Reading};
use super::{check_size, CsvImportError, ImportPreview, Row, Source};
use crate::domain::analysis::derived_metrics;

const METRICS: &[super::table::MetricColumn] = &[
    col(
        &["total recipients", "recipients", "penerima"],
        "recipients",
    ),
    col(
        &[
            "successful deliveries",
            "deliveries",
            "delivered",
            "terkirim",
        ],
        "emails_delivered",
    ),
    col(&["unique opens", "dibuka unik"], "email_opens"),
    col(&["total opens", "opens"], "email_opens_total"),
    col(&["unique clicks", "klik unik"], "email_clicks"),
    col(&["total clicks", "clicks"], "email_clicks_total"),
    col(
        &["unsubscribes", "unsubscribed", "berhenti berlangganan"],
        "unsubscribes",
    ),
    col(&["total bounces", "bounces", "pantulan"], "bounces"),
    col(&["abuse complaints", "spam complaints"], "spam_complaints"),
    col(
        &["total orders", "unique placed order", "placed order"],
        "sales",
    ),
    col(&["total revenue", "revenue", "pendapatan"], "revenue"),
];

/// Mailchimp's campaign report columns.
pub const MAILCHIMP: Layout = Layout {
    source: Source::Mailchimp,
    date: &["send date", "sent date", "tanggal kirim"],
    end: &[],
    label: &["title", "campaign name", "subject"],
    currency: &[],
    metrics: METRICS,
    empty_label_is_total: false,
};

/// Klaviyo's campaign report columns.
pub const KLAVIYO: Layout = Layout {
    source: Source::Klaviyo,
    date: &["send time", "send date", "sent at"],
    end: &[],
    label: &["campaign name", "subject"],
    currency: &[],
    metrics: METRICS,
    empty_label_is_total: false,
};

/// The rates email KPIs use, derived per campaign row.
const RATES: [&str; 3] = ["open_rate", "click_rate", "click_to_open_rate"];

/// Imports a Mailchimp or Klaviyo campaign report (`source` says which; anything else reads
/// as Mailchimp).
pub fn import(text: &str, source: Source) -> Result<ImportPreview, CsvImportError> {
    check_size(text)?;
    let layout = if source == Source::Klaviyo {
        &KLAVIYO
    } else {
        &MAILCHIMP
    };
    let csv = csv::read(text);
    let header = find_header(&csv, layout, 0).ok_or(CsvImportError::NoHeader)?;
    let mut preview = read_table(
        &csv,
        &Reading {
            layout,
            header,
            period: None,
            ignore: &|_| false,
        },
    )?;
    // Rows come in file order, so each campaign's values are one run of the same line.
    let mut derived = Vec::new();
    for campaign in preview.rows.chunk_by(|a, b| a.line == b.line) {
        let Some(first) = campaign.first() else {
            continue;
        };
        let values: Vec<(&str, f64)> = campaign
            .iter()
            .map(|r| (r.metric_id.as_str(), r.value))
            .collect();
        for (id, value) in derived_metrics(&values) {
            if RATES.contains(&id) {
                derived.push(Row {
                    metric_id: id.to_string(),
                    value,
                    ..first.clone()
                });
            }
        }
    }
    preview.rows.extend(derived);
    Ok(preview)
}
