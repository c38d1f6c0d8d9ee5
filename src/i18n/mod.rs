//! The one translation layer: every user-visible string goes through [`T`], and every key
//! carries both languages, so a missing translation is a compile error.

/// A table of texts: a type whose constants are the keys, each with its Indonesian and English
/// text.
///
/// A key is a reference to its own pair of strings, not a variant of one enum looked up through
/// one function: so each text is data used by the code that shows it, and `wasm-split-cli` puts
/// it into the wasm part of that code (#21). With one `match` over every key, all the texts of
/// every step were reached from the shell and stayed in the first download (86 KB of its 169 KB
/// of data). Two keys are equal when their texts are.
macro_rules! texts {
    ($(#[$doc:meta])* $name:ident; $($key:ident => $id:literal, $en:literal;)*) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct $name(&'static [&'static str; 2]);

        #[allow(non_upper_case_globals)]
        impl $name {
            $(
                #[doc = $en]
                pub const $key: $name = $name(&[$id, $en]);
            )*

            /// Every key with its name, for the completeness tests.
            #[cfg(test)]
            pub const ALL: &'static [(&'static str, $name)] =
                &[$((stringify!($key), $name::$key)),*];

            /// The text of this key in `lang`.
            pub fn get(self, lang: $crate::i18n::Lang) -> &'static str {
                match lang {
                    $crate::i18n::Lang::Id => self.0[0],
                    $crate::i18n::Lang::En => self.0[1],
                }
            }

            /// The text with its `{name}` placeholders filled from `args`.
            pub fn fill(self, lang: $crate::i18n::Lang, args: &[(&str, &str)]) -> String {
                $crate::i18n::fill(self.get(lang), args)
            }
        }
    };
}

pub mod analysis;
pub mod format;
pub mod import_csv;
pub mod messages;
pub mod sentences;
pub mod team;
mod texts;

pub use team::Tm;
pub use texts::T;

use serde::{Deserialize, Serialize};

/// A language the UI speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub enum Lang {
    /// Bahasa Indonesia, the default: the workflow comes from an Indonesian text.
    #[default]
    #[serde(rename = "id")]
    Id,
    /// English.
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// Every language, in the order the switch shows them.
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 tag, used for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The language's own name, shown in the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Id => "Bahasa Indonesia",
            Lang::En => "English",
        }
    }

    /// Reads a tag such as `id`, `id-ID`, `in` or `en-GB`; anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "id" | "in" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the first supported language from the browser's preference list. A browser that
    /// prefers only other languages gets English, the more widely read of the two.
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        let mut any = false;
        for tag in tags {
            any = true;
            if let Some(lang) = Lang::from_tag(tag) {
                return lang;
            }
        }
        if any {
            Lang::En
        } else {
            Lang::default()
        }
    }
}

/// Replaces each `{name}` in `template` by its value in `args`; unknown names stay as they are.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders of a template, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        names.push(&after[..end]);
        rest = &after[end + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of every table: key, Indonesian, English.
    fn all() -> Vec<(String, &'static str, &'static str)> {
        let main = T::ALL
            .iter()
            .map(|(name, k)| (name.to_string(), k.get(Lang::Id), k.get(Lang::En)));
        let team = Tm::ALL
            .iter()
            .map(|(name, k)| (format!("Tm::{name}"), k.get(Lang::Id), k.get(Lang::En)));
        main.chain(team).collect()
    }

    // Guards: a key added with an empty text in one language would show a blank label.
    #[test]
    fn every_key_has_a_text_in_both_languages() {
        for (key, id, en) in all() {
            assert!(!id.trim().is_empty(), "{key} has no Indonesian text");
            assert!(!en.trim().is_empty(), "{key} has no English text");
        }
    }

    // Guards: a placeholder renamed in one language only would print `{file}` to the user.
    #[test]
    fn placeholders_match_between_languages() {
        for (key, id, en) in all() {
            let mut id = placeholders(id);
            let mut en = placeholders(en);
            crate::domain::values::sort::sort(&mut id);
            crate::domain::values::sort::sort(&mut en);
            assert_eq!(id, en, "{key} has different placeholders");
        }
    }

    // Guards: a string copied into the Indonesian column untranslated. Short technical words
    // (SEO, KPI, Email…) may be equal, so only texts of three or more words are checked.
    #[test]
    fn long_texts_are_translated() {
        for (key, id, en) in all() {
            if id.split_whitespace().count() >= 3 {
                assert_ne!(id, en, "{key} is not translated");
            }
        }
    }

    #[test]
    fn fill_replaces_named_placeholders_and_keeps_unknown_ones() {
        assert_eq!(
            fill("{file}: line {line}", &[("file", "a.json"), ("line", "3")]),
            "a.json: line 3"
        );
        assert_eq!(fill("keep {this}", &[]), "keep {this}");
        assert_eq!(fill("open { brace", &[]), "open { brace");
    }

    #[test]
    fn browser_language_preferences_choose_the_ui_language() {
        assert_eq!(Lang::from_preferences(["en-US", "id"]), Lang::En);
        assert_eq!(Lang::from_preferences(["fr", "id-ID"]), Lang::Id);
        assert_eq!(Lang::from_preferences(["in"]), Lang::Id);
        assert_eq!(Lang::from_preferences(["de", "fr"]), Lang::En);
        assert_eq!(Lang::from_preferences([]), Lang::Id);
    }
}
