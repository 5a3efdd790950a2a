//! Cutting a stretch of document text into runs that are plain, marked (a
//! search match) and/or cited (the sentence a link points at), for
//! `components::marked_text` to render.
//!
//! Invariant: every run boundary lies on a UTF-8 character boundary and inside
//! the text, whatever spans come in (spans from an old link, from another
//! document, or overlapping each other), so slicing can never panic; corpus
//! text is only ever sliced here, never parsed as markup.

use std::ops::Range;

use communique_core::Span;

/// One run of text with the same marking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Byte range in the document text.
    pub range: Range<usize>,
    /// Inside a search match.
    pub marked: bool,
    /// Inside the cited span.
    pub cited: bool,
}

/// Cuts `text[within]` into runs, marking the bytes covered by `marks` and by
/// `cited`. Spans are clipped to `within` and snapped to character boundaries;
/// `marks` may be unsorted and may overlap.
pub fn runs(text: &str, within: Span, marks: &[Span], cited: Option<Span>) -> Vec<Run> {
    let start = floor_boundary(text, within.start as usize);
    let end = floor_boundary(text, within.end as usize).max(start);
    let clip = |span: Span| {
        let s = floor_boundary(text, (span.start as usize).clamp(start, end));
        let e = floor_boundary(text, (span.end as usize).clamp(start, end));
        (s < e).then_some(s..e)
    };
    // Merge the marks into sorted, disjoint ranges first, so each byte is
    // looked at once however many matches overlap.
    let mut merged: Vec<Range<usize>> = marks.iter().filter_map(|&m| clip(m)).collect();
    communique_core::sort::sort_by_key(&mut merged, |r| r.start);
    let merged = merged
        .into_iter()
        .fold(Vec::<Range<usize>>::new(), |mut acc, r| {
            match acc.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => acc.push(r),
            }
            acc
        });
    let cited = cited.and_then(clip);

    // Cut points: the ends of the stretch, every mark edge and the cited edges.
    let mut cuts = vec![start, end];
    cuts.extend(merged.iter().flat_map(|r| [r.start, r.end]));
    cuts.extend(cited.iter().flat_map(|r| [r.start, r.end]));
    communique_core::sort::sort(&mut cuts);
    cuts.dedup();

    let mut out: Vec<Run> = Vec::with_capacity(cuts.len());
    let mut next_mark = 0;
    for pair in cuts.windows(2) {
        let range = pair[0]..pair[1];
        while next_mark < merged.len() && merged[next_mark].end <= range.start {
            next_mark += 1;
        }
        let marked = merged
            .get(next_mark)
            .is_some_and(|m| m.start <= range.start && range.end <= m.end);
        let cited = cited
            .as_ref()
            .is_some_and(|c| c.start <= range.start && range.end <= c.end);
        out.push(Run {
            range,
            marked,
            cited,
        });
    }
    out
}

/// The indices of the runs inside the cited span (contiguous by construction),
/// so the renderer can wrap them in one element; `None` when nothing is cited.
pub fn cited_runs(runs: &[Run]) -> Option<Range<usize>> {
    let first = runs.iter().position(|r| r.cited)?;
    let len = runs[first..].iter().take_while(|r| r.cited).count();
    Some(first..first + len)
}

/// Whether a snippet `span` of `text` starts and ends mid-paragraph, and so
/// should be shown with a leading and a trailing ellipsis.
pub fn cut_ends(text: &str, span: Span) -> (bool, bool) {
    let (start, end) = (span.start as usize, span.end as usize);
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let cut_before = !before.is_empty() && !before.ends_with('\n');
    let cut_after = !after.is_empty() && !after.starts_with('\n');
    (cut_before, cut_after)
}

/// The largest character boundary of `text` at or before `offset` (clamped to its length).
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders the runs as text with `[marked]` and `{cited}` brackets and compares.
    fn check(
        text: &str,
        within: (u32, u32),
        marks: &[(u32, u32)],
        cited: Option<(u32, u32)>,
        expect: &str,
    ) {
        let span = |(start, end)| Span { start, end };
        let marks: Vec<Span> = marks.iter().copied().map(span).collect();
        let got = runs(text, span(within), &marks, cited.map(span));
        let mut shown = String::new();
        for run in &got {
            let piece = &text[run.range.clone()];
            shown += &match (run.marked, run.cited) {
                (false, false) => piece.to_string(),
                (true, false) => format!("[{piece}]"),
                (false, true) => format!("{{{piece}}}"),
                (true, true) => format!("{{[{piece}]}}"),
            };
        }
        assert_eq!(shown, expect);
        // Runs tile the stretch without gaps and are never empty.
        for pair in got.windows(2) {
            assert_eq!(pair[0].range.end, pair[1].range.start);
        }
        assert!(got.iter().all(|r| !r.range.is_empty()));
    }

    #[test]
    fn marks_and_citations() {
        let text = "Iran and Russia met in Moscow.";
        check(text, (0, 30), &[], None, "Iran and Russia met in Moscow.");
        check(
            text,
            (0, 30),
            &[(0, 4), (9, 15)],
            None,
            "[Iran] and [Russia] met in Moscow.",
        );
        // Unsorted, overlapping and adjacent marks merge.
        check(
            text,
            (0, 30),
            &[(9, 15), (0, 4), (2, 6), (23, 26), (26, 29)],
            None,
            "[Iran a]nd [Russia] met in [Moscow].",
        );
        // A stretch clips marks to itself.
        check(
            text,
            (5, 19),
            &[(0, 4), (9, 15), (16, 30)],
            None,
            "and [Russia] [met]",
        );
        // The cited span cuts marks it crosses.
        check(
            text,
            (0, 30),
            &[(0, 4), (9, 15)],
            Some((5, 12)),
            "[Iran] {and }{[Rus]}[sia] met in Moscow.",
        );
        // Out-of-range spans are clipped, never a panic.
        check(
            text,
            (0, 99),
            &[(25, 400)],
            Some((40, 50)),
            "Iran and Russia met in Mo[scow.]",
        );
        check(text, (20, 10), &[(0, 30)], None, "");
    }

    #[test]
    fn multibyte_text_is_cut_on_char_boundaries() {
        let text = "Petov’s “strategic” view";
        // ’ is bytes 5..8, “ 10..13, ” 22..25: starts inside a character snap back to it.
        check(text, (0, 30), &[(6, 8)], None, "Petov[’]s “strategic” view");
        check(
            text,
            (0, 30),
            &[(11, 22)],
            None,
            "Petov’s [“strategic]” view",
        );
        check(
            text,
            (0, 29),
            &[(13, 22)],
            Some((10, 24)),
            "Petov’s {“}{[strategic]}” vie",
        );
        check(
            text,
            (0, 30),
            &[(13, 22)],
            Some((10, 25)),
            "Petov’s {“}{[strategic]}{”} view",
        );
    }

    #[test]
    fn cited_runs_are_contiguous() {
        let text = "One. Two three. Four.";
        let got = runs(
            text,
            Span::new(0, 21),
            &[Span::new(9, 14)],
            Some(Span::new(5, 15)),
        );
        assert_eq!(cited_runs(&got), Some(1..4));
        assert_eq!(cited_runs(&runs(text, Span::new(0, 21), &[], None)), None);
    }

    #[test]
    fn snippet_ends() {
        let text = "First paragraph here.\n\nSecond one, longer.";
        for (span, expect) in [
            ((0, 21), (false, false)),
            ((6, 15), (true, true)),
            ((23, 42), (false, false)),
            ((23, 30), (false, true)),
            ((0, 99), (false, false)),
        ] {
            assert_eq!(
                cut_ends(text, Span::new(span.0, span.1)),
                expect,
                "{span:?}"
            );
        }
    }
}
