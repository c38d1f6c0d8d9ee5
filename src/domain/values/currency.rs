//! The currencies a plan can be kept in, with what formatting and input need to know of each.
//!
//! A small fixed table rather than ICU/CLDR data: these are the markets Alur's users run
//! campaigns in, and a full currency database would add hundreds of KB to the wasm.

use crate::i18n::Lang;

/// A supported currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Currency {
    /// The ISO 4217 code, e.g. `IDR`.
    pub code: &'static str,
    /// The symbol written before amounts in the English UI, e.g. `$`.
    pub symbol: &'static str,
    /// The symbol in the Indonesian UI. It differs only for USD (`US$`), as in CLDR's
    /// Indonesian data, since a bare `$` reads as ambiguous next to rupiah.
    pub symbol_id: &'static str,
    /// Digits after the decimal point in everyday amounts (the ISO 4217 minor unit).
    pub decimals: u8,
    /// The English name.
    pub name_en: &'static str,
    /// The Indonesian name.
    pub name_id: &'static str,
}

impl Currency {
    /// The symbol to write in `lang`.
    pub fn symbol_for(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.symbol_id,
            Lang::En => self.symbol,
        }
    }

    /// The currency's name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Id => self.name_id,
            Lang::En => self.name_en,
        }
    }
}

/// Builds a table row; keeps the table below one line per currency.
const fn row(
    code: &'static str,
    symbol: &'static str,
    symbol_id: &'static str,
    decimals: u8,
    name_en: &'static str,
    name_id: &'static str,
) -> Currency {
    Currency {
        code,
        symbol,
        symbol_id,
        decimals,
        name_en,
        name_id,
    }
}

/// The Indonesian rupiah, the default currency of a new plan.
pub const IDR: Currency = row(
    "IDR",
    "Rp",
    "Rp",
    0,
    "Indonesian rupiah",
    "Rupiah Indonesia",
);

/// Every supported currency, the default first, then roughly by how often Indonesian
/// marketers meet them.
pub const CURRENCIES: &[Currency] = &[
    IDR,
    row("USD", "$", "US$", 2, "US dollar", "Dolar Amerika Serikat"),
    row("EUR", "€", "€", 2, "Euro", "Euro"),
    row("SGD", "S$", "S$", 2, "Singapore dollar", "Dolar Singapura"),
    row(
        "MYR",
        "RM",
        "RM",
        2,
        "Malaysian ringgit",
        "Ringgit Malaysia",
    ),
    row("JPY", "¥", "¥", 0, "Japanese yen", "Yen Jepang"),
    row("AUD", "A$", "A$", 2, "Australian dollar", "Dolar Australia"),
    row(
        "GBP",
        "£",
        "£",
        2,
        "British pound",
        "Pound sterling Inggris",
    ),
    row("PHP", "₱", "₱", 2, "Philippine peso", "Peso Filipina"),
    row("THB", "฿", "฿", 2, "Thai baht", "Baht Thailand"),
    row("VND", "₫", "₫", 0, "Vietnamese dong", "Dong Vietnam"),
    row("INR", "₹", "₹", 2, "Indian rupee", "Rupee India"),
    row("CNY", "CN¥", "CN¥", 2, "Chinese yuan", "Yuan Tiongkok"),
    row(
        "HKD",
        "HK$",
        "HK$",
        2,
        "Hong Kong dollar",
        "Dolar Hong Kong",
    ),
    row("KRW", "₩", "₩", 0, "South Korean won", "Won Korea Selatan"),
];

/// The currency with this ISO code, ignoring case and surrounding spaces (files and old
/// plans may spell it `idr`); `None` when it is not in [`CURRENCIES`].
pub fn currency(code: &str) -> Option<&'static Currency> {
    let code = code.trim();
    CURRENCIES
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: a typo in the table (duplicate code, lowercase code, empty name or symbol).
    #[test]
    fn the_table_is_well_formed() {
        for (i, c) in CURRENCIES.iter().enumerate() {
            assert_eq!(c.code.len(), 3, "{c:?}");
            assert!(c.code.bytes().all(|b| b.is_ascii_uppercase()), "{c:?}");
            assert!(!c.symbol.is_empty() && !c.symbol_id.is_empty(), "{c:?}");
            assert!(!c.name_en.is_empty() && !c.name_id.is_empty(), "{c:?}");
            assert!(c.decimals <= 2, "{c:?}");
            assert!(
                CURRENCIES[i + 1..].iter().all(|o| o.code != c.code),
                "{} twice",
                c.code
            );
        }
        assert_eq!(CURRENCIES.len(), 15);
        assert_eq!(CURRENCIES[0], IDR);
    }

    // Guards: codes from files in lower case or with spaces not being found.
    #[test]
    fn looks_up_codes_ignoring_case() {
        assert_eq!(currency("IDR"), Some(&IDR));
        assert_eq!(currency(" usd ").map(|c| c.decimals), Some(2));
        assert_eq!(currency("jpy").map(|c| c.symbol), Some("¥"));
        assert_eq!(currency("XYZ"), None);
        assert_eq!(currency(""), None);
    }

    // Guards: USD written as a bare `$` in the Indonesian UI, or names swapped.
    #[test]
    fn symbols_and_names_follow_the_language() {
        let usd = currency("USD").unwrap();
        assert_eq!(usd.symbol_for(Lang::Id), "US$");
        assert_eq!(usd.symbol_for(Lang::En), "$");
        assert_eq!(IDR.symbol_for(Lang::En), "Rp");
        assert_eq!(IDR.name(Lang::Id), "Rupiah Indonesia");
        assert_eq!(IDR.name(Lang::En), "Indonesian rupiah");
    }
}
