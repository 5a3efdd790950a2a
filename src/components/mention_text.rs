//! `MentionText`: a stretch of an article with its entity mentions as links
//! to their entity pages, around the search matches and the cited span.
//!
//! Nesting, outermost first: the cited span (`span.cited`), then mentions
//! (`span.mention > a`), then matches (`mark`). Every cut lies on a boundary
//! that `highlight::runs` already snaps to characters, so overlapping mentions,
//! matches and citations never split a character.
//!
//! Invariant: corpus text only ever becomes text nodes here, never markup.

use communique_core::{EntityKind, Span};
use leptos::prelude::*;

use crate::bundle::{self, Mention};
use crate::components::app_link::AppLink;
use crate::components::marked_text::MarkedText;
use crate::highlight;
use crate::state::AppState;

/// A piece of the stretch: plain (matches marked) or one mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// The bytes of the piece.
    pub span: Span,
    /// The mention covering it, if any.
    pub mention: Option<Mention>,
}

/// Cuts `within` into pieces at the edges of `mentions` (sorted, disjoint, as
/// `bundle::mentions_in` gives them), clipping mentions to `within`; pieces
/// tile `within` in order and are never empty.
pub fn pieces(within: Span, mentions: &[Mention]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = within.start;
    for mention in mentions {
        let start = mention.span.start.max(at);
        let end = mention.span.end.min(within.end);
        if start >= end {
            continue;
        }
        if at < start {
            out.push(Piece {
                span: Span {
                    start: at,
                    end: start,
                },
                mention: None,
            });
        }
        out.push(Piece {
            span: Span { start, end },
            mention: Some(*mention),
        });
        at = end;
    }
    if at < within.end {
        out.push(Piece {
            span: Span {
                start: at,
                end: within.end,
            },
            mention: None,
        });
    }
    out
}

/// The words for an entity kind, as the legend and tooltips say it.
pub fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Organization => "Organisation",
        EntityKind::Place => "Place",
    }
}

/// What hovering or focusing a mention tells: canonical name, kind, and the
/// latest role stated (people) or country (places, organisations).
pub fn mention_description(entity: &communique_core::Entity) -> String {
    let detail = match entity.roles.last() {
        Some(role) => Some(role.title.as_str()),
        None => entity.country.as_deref().filter(|c| *c != entity.name),
    };
    match detail {
        Some(detail) => format!("{} · {} · {detail}", entity.name, kind_label(entity.kind)),
        None => format!("{} · {}", entity.name, kind_label(entity.kind)),
    }
}

/// Renders `text[within]` with `mentions` as `span.mention.mention-<kind>`
/// wrapping a link to the entity page (its `title` the canonical name, kind and
/// role), `marks` as `<mark>`, and the `cited` span as one `span.cited`.
#[component]
pub fn MentionText(
    /// The document text all spans point into.
    text: &'static str,
    /// The stretch of `text` to show.
    within: Span,
    /// The mentions, sorted and disjoint (see `bundle::mentions_in`).
    mentions: Vec<Mention>,
    /// Matches to mark.
    marks: Vec<Span>,
    /// A span to show as cited.
    cited: Option<Span>,
) -> impl IntoView {
    let state = AppState::expect();
    let render = move |stretch: Span| {
        pieces(stretch, &mentions)
            .into_iter()
            .map(|piece| {
                let marks = marks.clone();
                match piece.mention {
                    None => {
                        view! { <MarkedText text=text within=piece.span marks=marks /> }.into_any()
                    }
                    Some(mention) => {
                        let entity = &bundle::corpus().entities[mention.entity as usize];
                        let to = state.current.get_untracked().with_entity(&entity.id);
                        let class = format!("mention mention-{}", entity.kind.as_str());
                        view! {
                            <span class=class>
                                <AppLink
                                    to=to
                                    title=mention_description(entity)
                                    entity=&*entity.id
                                >
                                    <MarkedText text=text within=piece.span marks=marks />
                                </AppLink>
                            </span>
                        }
                        .into_any()
                    }
                }
            })
            .collect_view()
    };
    // The cited span is cut out first so that it stays one element around
    // whatever mentions and matches it holds.
    let runs = highlight::runs(text, within, &[], cited);
    let stretches: Vec<(Span, bool)> = runs
        .iter()
        .map(|run| (Span::new(run.range.start, run.range.end), run.cited))
        .collect();
    stretches
        .into_iter()
        .map(|(stretch, cited)| {
            if cited {
                view! { <span class="cited">{render(stretch)}</span> }.into_any()
            } else {
                render(stretch).into_any()
            }
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;
    use communique_core::EntityId;

    /// Cuts `within` at `mentions` (`(start, end, entity)`) and compares the
    /// pieces, written `start-end` or `start-end@entity`.
    fn check(within: (u32, u32), mentions: &[(u32, u32, EntityId)], expect: &str) {
        let mentions: Vec<Mention> = mentions
            .iter()
            .map(|&(start, end, entity)| Mention {
                span: Span { start, end },
                entity,
                kind: EntityKind::Person,
            })
            .collect();
        let got: Vec<String> = pieces(Span::new(within.0 as usize, within.1 as usize), &mentions)
            .iter()
            .map(|p| match p.mention {
                Some(m) => format!("{}-{}@{}", p.span.start, p.span.end, m.entity),
                None => format!("{}-{}", p.span.start, p.span.end),
            })
            .collect();
        assert_eq!(got.join(" "), expect, "{within:?} {mentions:?}");
    }

    #[test]
    fn mentions_cut_the_stretch() {
        check((0, 30), &[], "0-30");
        check((0, 30), &[(0, 4, 1), (9, 15, 2)], "0-4@1 4-9 9-15@2 15-30");
        // Mentions outside the stretch are skipped, crossing ones clipped.
        check(
            (5, 20),
            &[(0, 4, 1), (3, 8, 2), (18, 25, 3), (40, 45, 4)],
            "5-8@2 8-18 18-20@3",
        );
        check((10, 10), &[(0, 30, 1)], "");
        check((0, 10), &[(0, 10, 7)], "0-10@7");
    }
}
