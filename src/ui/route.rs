//! Hash routing: every page has a URL after `#`, so reloads, back/forward and bookmarks work on
//! any static server without rewrite rules.

use crate::domain::model::workflow::Step;

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list of plans in this browser; the start page.
    Plans,
    /// The summary of one plan.
    Overview { plan: String },
    /// One step of the workflow, for a given plan or for the active one.
    Step { plan: Option<String>, step: Step },
    /// A plan shared in the link itself: the text after `#/share/` (see
    /// [`crate::domain::plan_file::share`]). Opening it previews the plan and asks before importing.
    Share { payload: String },
    /// An invite to a team plan: the text after `#/join/` (see
    /// [`crate::domain::sync::TeamLink::from_invite`]). Opening it asks before joining.
    Join { payload: String },
    /// A deliberate panic, so the crash screen can be tested end to end.
    PanicTest,
    /// Anything else.
    NotFound,
}

impl Route {
    /// Reads the part of the URL after `#` (with or without the `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        // A share link's payload may hold `/` (a mail client's base64), so it is taken whole.
        if let Some(payload) = path.strip_prefix("share/") {
            return Route::Share {
                payload: payload.to_string(),
            };
        }
        if let Some(payload) = path.strip_prefix("join/") {
            return Route::Join {
                payload: payload.to_string(),
            };
        }
        let path = path.trim_end_matches('/');
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            [""] | ["plans"] => Route::Plans,
            ["debug", "panic"] => Route::PanicTest,
            ["plan", id] if is_id(id) => Route::Overview {
                plan: (*id).to_string(),
            },
            ["plan", id, slug] if is_id(id) => match Step::from_slug(slug) {
                Some(step) => Route::Step {
                    plan: Some((*id).to_string()),
                    step,
                },
                None => Route::NotFound,
            },
            [slug] => match Step::from_slug(slug) {
                Some(step) => Route::Step { plan: None, step },
                None => Route::NotFound,
            },
            _ => Route::NotFound,
        }
    }

    /// The URL fragment of the page, starting with `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Plans => "#/".to_string(),
            Route::Overview { plan } => format!("#/plan/{plan}"),
            Route::Step {
                plan: Some(plan),
                step,
            } => format!("#/plan/{plan}/{}", step.slug()),
            Route::Step { plan: None, step } => format!("#/{}", step.slug()),
            Route::Share { payload } => format!("#/share/{payload}"),
            Route::Join { payload } => format!("#/join/{payload}"),
            Route::PanicTest => "#/debug/panic".to_string(),
            Route::NotFound => "#/not-found".to_string(),
        }
    }

    /// The plan the page is about, if any.
    pub fn plan_id(&self) -> Option<&str> {
        match self {
            Route::Overview { plan }
            | Route::Step {
                plan: Some(plan), ..
            } => Some(plan),
            _ => None,
        }
    }
}

/// Plan ids appear in URLs and storage keys, so they are limited to URL-safe characters.
pub fn is_id(text: &str) -> bool {
    crate::domain::model::plan::is_valid_id(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: a bookmarked step link must open the same page after a reload.
    #[test]
    fn every_route_reads_back_from_its_own_hash() {
        let mut routes = vec![
            Route::Plans,
            Route::Overview { plan: "p-1".into() },
            Route::PanicTest,
            Route::Share {
                payload: "1/Zm9v".into(),
            },
            Route::Join {
                payload: "eyJhIjoxfQ".into(),
            },
        ];
        for step in Step::ALL {
            routes.push(Route::Step { plan: None, step });
            routes.push(Route::Step {
                plan: Some("abc123".into()),
                step,
            });
        }
        for route in routes {
            assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }

    #[test]
    fn empty_and_odd_hashes_land_somewhere_sensible() {
        assert_eq!(Route::parse(""), Route::Plans);
        assert_eq!(Route::parse("#"), Route::Plans);
        assert_eq!(Route::parse("#/goals/"), Route::parse("#/goals"));
        assert_eq!(Route::parse("#/nope"), Route::NotFound);
        assert_eq!(Route::parse("#/plan/abc/nope"), Route::NotFound);
        assert_eq!(Route::parse("#/plan/<script>/goals"), Route::NotFound);
        // The payload is checked when the page reads it, not by the router.
        assert_eq!(
            Route::parse("#/share/1/ab+/cd"),
            Route::Share {
                payload: "1/ab+/cd".into()
            }
        );
    }
}
