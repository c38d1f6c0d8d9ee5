//! Text cut short for a label, a message or a chart: the one way the app shortens what a
//! user wrote (or a file held), so a pasted paragraph cannot flood a message or a bar label.

/// `text` trimmed, and cut to at most `max` characters ending in `…` when it is longer.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: a cut text says it was cut and keeps to its length, in characters, not bytes.
    #[test]
    fn long_texts_end_in_an_ellipsis_within_the_limit() {
        assert_eq!(shorten("  Batik  ", 12), "Batik");
        assert_eq!(shorten("Batik Tulis Premium", 12), "Batik Tulis…");
        assert_eq!(shorten("Batik Tulis Premium", 12).chars().count(), 12);
        assert_eq!(shorten("ééééé", 3), "éé…");
        assert_eq!(shorten("abc", 0), "…");
    }
}
