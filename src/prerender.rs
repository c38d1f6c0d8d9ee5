//! The static first paint: the app's header and workflow navigation as plain HTML, written into
//! `dist/index.html` at build time (`cargo run --example prerender`, then
//! `scripts/postbuild.mjs`). A visitor sees the frame of the app as soon as the HTML arrives,
//! instead of a blank page while the wasm downloads; the app removes it when it mounts
//! ([`crate::start`]).
//!
//! There is one copy per language; `web/boot-lang.js`, inlined in `<head>`, sets `<html lang>`
//! the way the app will (the saved choice, else the browser's preferences) and the stylesheet
//! shows the matching copy. If the app cannot start (the wasm fails to load), the same script
//! swaps the loading message for an explanation. Compiled natively only: none of this is in the
//! wasm.

use crate::charts::escape;
use crate::domain::model::workflow::Phase;
use crate::domain::model::workflow::Step;
use crate::i18n::{Lang, T};
use crate::ui::route::Route;

/// The frame of the app in one language, with the same classes as the mounted app (so the same
/// CSS lays it out), the language switch disabled until the app runs, and a loading message
/// where the page will be.
pub fn boot_shell(lang: Lang) -> String {
    let t = |key: T| escape(key.get(lang));
    let mut html = format!(
        r##"<div class="boot-shell" lang="{tag}">
<header class="app-header"><a class="brand" href="#/"><span class="brand-name">Alur</span><span class="brand-tagline">{tagline}</span></a><div class="header-tools"><div class="lang-switch"><label for="boot-lang-{tag}">{language}</label><select id="boot-lang-{tag}" disabled>"##,
        tag = lang.tag(),
        tagline = t(T::AppTagline),
        language = t(T::Language),
    );
    for option in Lang::ALL {
        let selected = if option == lang { " selected" } else { "" };
        html.push_str(&format!(
            r#"<option value="{tag}" lang="{tag}"{selected}>{name}</option>"#,
            tag = option.tag(),
            name = escape(option.native_name()),
        ));
    }
    html.push_str(&format!(
        r##"</select></div></div></header>
<div class="app-body"><div class="phone-bar"><button id="boot-nav-toggle-{tag}" type="button" disabled><span class="menu-icon" aria-hidden="true">☰</span><span class="menu-page">{nav}</span></button></div><nav class="app-nav" aria-label="{nav}"><a href="#/" class="nav-plans">{plans}</a>"##,
        tag = lang.tag(),
        nav = t(T::MainNav),
        plans = t(T::NavPlans),
    ));
    for phase in Phase::ALL {
        html.push_str(&format!(
            r#"<section class="nav-phase"><h2>{}</h2><ol>"#,
            t(phase.title())
        ));
        for step in phase.steps() {
            html.push_str(&format!(
                r#"<li><a href="{href}">{title}</a></li>"#,
                href = escape(&step_href(step)),
                title = t(step.title()),
            ));
        }
        html.push_str("</ol></section>");
    }
    html.push_str(&format!(
        r#"</nav><main><p class="boot-status" role="status">{}</p><p class="boot-failed notice error" role="alert" hidden>{}</p></main></div>
</div>"#,
        t(T::Loading),
        t(T::BootFailed)
    ));
    html
}

/// The link to a step with no plan named: what the mounted app's navigation links to until a
/// plan is open.
fn step_href(step: Step) -> String {
    Route::Step { plan: None, step }.to_hash()
}

/// Both languages' frames, for `<body>`.
pub fn boot_shells() -> String {
    Lang::ALL
        .into_iter()
        .map(boot_shell)
        .collect::<Vec<_>>()
        .join("\n")
}

/// For the boot loader (`scripts/postbuild.mjs`): which wasm chunk each page of the app needs,
/// as JSON `{ "<step slug>": "<chunk>", "": "store" }` (the overview is `#/plan/<id>`).
pub fn route_chunks() -> String {
    let mut map = serde_json::Map::new();
    map.insert("".into(), crate::ui::OVERVIEW_CHUNK.into());
    for step in crate::domain::model::workflow::Step::ALL {
        map.insert(step.slug().into(), crate::ui::step_chunk(step).into());
    }
    serde_json::Value::Object(map).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::workflow::Step;

    #[test]
    fn each_language_lists_every_step_with_its_link_in_workflow_order() {
        for lang in Lang::ALL {
            let html = boot_shell(lang);
            let mut from = 0;
            for step in Step::ALL {
                let link = format!(
                    r#"<a href="{}">{}</a>"#,
                    step_href(step),
                    escape(step.title().get(lang))
                );
                let at = html[from..]
                    .find(&link)
                    .unwrap_or_else(|| panic!("{lang:?}: {link} missing or out of order"));
                from += at + link.len();
            }
            assert!(html.contains(&escape(T::Loading.get(lang))));
            assert!(html.contains(&format!(
                r#"role="alert" hidden>{}</p>"#,
                escape(T::BootFailed.get(lang))
            )));
            assert!(html.starts_with(&format!(
                r#"<div class="boot-shell" lang="{}">"#,
                lang.tag()
            )));
        }
    }

    #[test]
    fn texts_are_escaped_so_an_ampersand_in_a_title_stays_text() {
        // "Research & planning" and "Goals & targets" carry an ampersand.
        let html = boot_shell(Lang::En);
        assert!(html.contains("Goals &amp; targets"));
        assert!(!html.contains("Goals & targets"));
    }

    #[test]
    fn the_language_switch_shows_the_shells_own_language_and_cannot_be_used_before_the_app_runs() {
        for lang in Lang::ALL {
            let html = boot_shell(lang);
            let selected = format!(r#"value="{}" lang="{}" selected>"#, lang.tag(), lang.tag());
            assert!(html.contains(&selected), "{lang:?}");
            assert_eq!(html.matches(" selected>").count(), 1);
            assert!(html.contains(" disabled>"));
        }
        assert_eq!(
            boot_shells().matches(r#"<div class="boot-shell""#).count(),
            2
        );
    }

    #[test]
    fn every_page_of_a_plan_names_the_plan_engines_chunk() {
        use crate::domain::model::workflow::Step;
        let map: serde_json::Value = serde_json::from_str(&route_chunks()).unwrap();
        let map = map.as_object().unwrap();
        // 20 steps and the overview (the empty slug), each in the engine's chunk (src/ui/chunks.rs
        // says why one chunk): the boot loader fetches `split_store.wasm` for any of them.
        assert_eq!(map.len(), Step::ALL.len() + 1);
        assert_eq!(map[""], "store");
        for step in Step::ALL {
            assert_eq!(map[step.slug()], "store", "{}", step.slug());
        }
    }
}
