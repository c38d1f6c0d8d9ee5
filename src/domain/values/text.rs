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

/// `text` broken into lines of at most `width` characters at spaces (a word longer than a line
/// is cut), at most `lines` of them: the last ends in `…` when text is left over. The lines
/// are joined by `\n`, which the charts' SVG writes as lines of one label.
pub fn wrap(text: &str, width: usize, lines: usize) -> String {
    let width = width.max(1);
    let mut out: Vec<String> = Vec::new();
    let mut line: Vec<char> = Vec::new();
    let mut cut = false;
    'words: for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        loop {
            let sep = usize::from(!line.is_empty());
            if line.len() + sep + word.len() <= width {
                if sep == 1 {
                    line.push(' ');
                }
                line.append(&mut word);
                break;
            }
            if line.is_empty() {
                // A word longer than a line: its head fills this one.
                let rest = word.split_off(width);
                line = std::mem::replace(&mut word, rest);
            }
            out.push(std::mem::take(&mut line).into_iter().collect());
            if out.len() == lines {
                cut = true;
                break 'words;
            }
        }
    }
    if !line.is_empty() {
        if out.len() < lines {
            out.push(line.into_iter().collect());
        } else {
            cut = true;
        }
    }
    if cut {
        if let Some(last) = out.last_mut() {
            if last.chars().count() >= width {
                last.pop();
            }
            last.push('…');
        }
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    // Guards: a long label is shown in full over a few lines, broken at spaces; only what does
    // not fit in the lines allowed is cut, and says so.
    #[test]
    fn labels_wrap_at_spaces_within_their_lines() {
        assert_eq!(wrap("Batik", 10, 2), "Batik");
        assert_eq!(
            wrap("Tingkat keterlibatan · Instagram", 22, 3),
            "Tingkat keterlibatan ·\nInstagram"
        );
        assert_eq!(
            wrap(
                "CPA / CAC (biaya per akuisisi) · SEM (iklan pencarian)",
                28,
                2
            ),
            "CPA / CAC (biaya per\nakuisisi) · SEM (iklan…"
        );
        assert_eq!(
            wrap("Supercalifragilistic", 8, 3),
            "Supercal\nifragili\nstic"
        );
        assert_eq!(wrap("", 8, 2), "");
        for line in wrap(
            "Luncurkan kampanye Instagram Reels batik tulis Pekalongan",
            20,
            2,
        )
        .split('\n')
        {
            assert!(line.chars().count() <= 20, "{line}");
        }
    }

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
