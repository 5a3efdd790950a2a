//! The entity mentions of a document, as both the compiler's visit rules and the app's reader
//! read them: one definition of which mentions count (spans that are a slice of their
//! document's text) and of their order (by start, the longest first at one start, so a
//! nested mention follows the one containing it).

use crate::documents::Documents;
use crate::entities::Entities;
use crate::model::{DocId, Document, Entity, EntityId, SourceRef, Span};

/// One entity mention in a known document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocMention {
    /// Where it is in the document's text.
    pub span: Span,
    /// The entity mentioned.
    pub entity: EntityId,
}

/// The mentions of `entity` in document `doc`: a binary search, since an entity's mentions
/// are sorted by document (see `Entity::mentions`).
pub fn mentions_of(entity: &Entity, doc: DocId) -> &[SourceRef] {
    let start = entity.mentions.partition_point(|m| m.doc < doc);
    let end = entity.mentions.partition_point(|m| m.doc <= doc);
    &entity.mentions[start..end.max(start)]
}

/// The mentions of document `doc` by the entities `candidates` (every entity that may
/// mention it), in order; none for a document that does not exist. Only the candidates'
/// mention lists are read: the app passes those the facet index lists for the document,
/// since in the sharded layout each list read may be a shard fetched, and reading every
/// entity's made the reader of one article fetch 88 files (6.5 MB) at 100,000 articles.
pub fn mentions_in(
    documents: &Documents,
    entities: &Entities,
    candidates: impl IntoIterator<Item = EntityId>,
    doc: DocId,
) -> Vec<DocMention> {
    let Some(document) = documents.get(doc as usize) else {
        return Vec::new();
    };
    let mut found: Vec<DocMention> = candidates
        .into_iter()
        .filter_map(|index| Some((index, entities.get(index as usize)?)))
        .flat_map(|(index, entity)| {
            mentions_of(entity, doc).iter().map(move |m| DocMention {
                span: m.span,
                entity: index,
            })
        })
        .filter(|m| fits(document, m.span))
        .collect();
    sort(&mut found);
    found
}

/// The mentions of every document, in order, in one pass over the entities.
pub fn mentions_by_doc(documents: &[Document], entities: &[Entity]) -> Vec<Vec<DocMention>> {
    let mut out: Vec<Vec<DocMention>> = vec![Vec::new(); documents.len()];
    for (index, entity) in entities.iter().enumerate() {
        for m in &entity.mentions {
            let (Some(list), Some(document)) =
                (out.get_mut(m.doc as usize), documents.get(m.doc as usize))
            else {
                continue;
            };
            if fits(document, m.span) {
                list.push(DocMention {
                    span: m.span,
                    entity: index as EntityId,
                });
            }
        }
    }
    out.iter_mut().for_each(|list| sort(list));
    out
}

/// Whether `span` is a slice of the document's text: a span that is not is skipped rather
/// than trusted.
fn fits(document: &Document, span: Span) -> bool {
    document.text.get(span.range()).is_some()
}

fn sort(mentions: &mut [DocMention]) {
    crate::sort::sort_by_key(mentions, |m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Body;
    use crate::model::{EntityKind, Text};

    #[test]
    fn both_readings_agree_and_skip_spans_outside_the_text() {
        let doc = |text: &str| Document {
            body: Body {
                text: text.into(),
                ..Body::default()
            }
            .into(),
            ..Document::default()
        };
        let entity = |mentions: &[(u32, usize, usize)]| Entity {
            id: Text::default(),
            name: Text::default(),
            kind: EntityKind::Place,
            aliases: Vec::new(),
            roles: Vec::new(),
            country: None,
            lat: None,
            lon: None,
            mentions: mentions
                .iter()
                .map(|&(doc, a, b)| SourceRef {
                    doc,
                    span: Span::new(a, b),
                })
                .collect(),
        };
        let documents = [doc("Iranian Foreign Ministry in Tehran"), doc("Tehran é")];
        // "Iran" inside "Iranian Foreign Ministry"; a span past the text; one cutting "é".
        let entities = [
            entity(&[(0, 0, 4), (1, 0, 6), (1, 0, 99)]),
            entity(&[(0, 0, 24), (1, 7, 8)]),
        ];
        let by_doc = mentions_by_doc(&documents, &entities);
        let pairs = |list: &[DocMention]| -> Vec<(u32, u32, u32)> {
            list.iter()
                .map(|m| (m.span.start, m.span.end, m.entity))
                .collect()
        };
        assert_eq!(pairs(&by_doc[0]), [(0, 24, 1), (0, 4, 0)]);
        assert_eq!(pairs(&by_doc[1]), [(0, 6, 0)]);
        let documents = Documents::from(documents.to_vec());
        let entities = Entities::from(entities.to_vec());
        let every = || 0..entities.len() as EntityId;
        for doc in 0..2 {
            assert_eq!(
                mentions_in(&documents, &entities, every(), doc),
                by_doc[doc as usize]
            );
        }
        assert!(mentions_in(&documents, &entities, every(), 7).is_empty());
        // Only the candidates' mentions, in the same order.
        assert_eq!(
            pairs(&mentions_in(&documents, &entities, [1, 9], 0)),
            [(0, 24, 1)]
        );
    }
}
