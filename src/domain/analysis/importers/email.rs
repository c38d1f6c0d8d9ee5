//! Email campaign reports from Mailchimp and Klaviyo: one row per campaign with its send date,
//! recipients, deliveries, opens, clicks, unsubscribes, bounces and revenue. Open, click and
//! click-to-open rates are computed from the counts rather than read from the rate columns,
//! whose format differs between platforms and versions.

use super::csv;
use super::table::{col, find_header, read_table, Layout, Reading};
use super::{check_size, CsvImportError, ImportPreview, Source};

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
    breakdowns: &[],
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
    breakdowns: &[],
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
    super::add_derived(&mut preview, |id| RATES.contains(&id));
    Ok(preview)
}
