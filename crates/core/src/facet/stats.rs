//! Entity statistics for entity pages: the articles that mention an entity, with
//! their mention sentences, and the entities most often mentioned with it.

use super::index::{mention_document, FacetIndex, NO_SENTENCE};
use crate::model::{DocId, EntityId, Span};
use crate::Corpus;

/// An article that mentions an entity, with the sentences that do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityDocument {
    /// The article.
    pub doc: DocId,
    /// How many times it mentions the entity.
    pub mentions: u32,
    /// The mention sentences, in text order.
    pub sentences: Vec<MentionSentence>,
}

/// A sentence that mentions an entity: what an entity page quotes and links to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentionSentence {
    /// Index in [`Document::sentences`](crate::Document::sentences); `None` for a
    /// mention outside every sentence, which then stands for itself.
    pub index: Option<u32>,
    /// The sentence's span (or the lone mention's), to quote and link to.
    pub span: Span,
    /// The mentions inside it, in order, to highlight.
    pub mentions: Vec<Span>,
}

/// An entity mentioned alongside another, and how often.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoMention {
    /// The other entity.
    pub entity: EntityId,
    /// Sentences that mention both.
    pub sentences: u32,
    /// Documents that mention both.
    pub documents: u32,
}

/// The articles that mention an entity ([`entity_documents`]): the first ones with their
/// sentences, and how many there are in all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityDocuments {
    /// The first articles, in order, with their mention sentences.
    pub documents: Vec<EntityDocument>,
    /// How many articles mention the entity.
    pub articles: usize,
    /// How many mentions it has in all.
    pub mentions: usize,
}

/// The articles that mention `entity`, each with its mention sentences grouped;
/// those with the most mentions first (the articles most about the entity), then
/// the newest, then by id: the first `limit` of them, and how many there are in all.
/// Which articles come first is found from the mentions alone (sorted by document, as
/// the model keeps them), so only those articles' texts are read: in the sharded layout
/// each is fetched. Empty for an unknown entity; mentions that point outside the
/// documents or their texts are skipped (the totals count them).
pub fn entity_documents(corpus: &Corpus, entity: EntityId, limit: usize) -> EntityDocuments {
    let Some(entity) = corpus.entities.get(entity as usize) else {
        return EntityDocuments::default();
    };
    let newest = |doc: DocId| {
        std::cmp::Reverse(
            corpus
                .documents
                .date(doc as usize)
                .map(|date| date.last_day()),
        )
    };
    let mut ranked: Vec<EntityDocument> = entity
        .mentions
        .chunk_by(|a, b| a.doc == b.doc)
        .filter(|run| (run[0].doc as usize) < corpus.documents.len())
        .map(|run| EntityDocument {
            doc: run[0].doc,
            mentions: run.len() as u32,
            sentences: Vec::new(),
        })
        .collect();
    let order = |found: &EntityDocument| {
        (
            std::cmp::Reverse(found.mentions),
            newest(found.doc),
            found.doc,
        )
    };
    crate::sort::sort_by_key(&mut ranked, order);
    let mut chosen = vec![false; corpus.documents.len()];
    for found in ranked.iter().take(limit) {
        chosen[found.doc as usize] = true;
    }
    // (document, sentence span, sentence index, mention span) of every
    // mention of a chosen document, sorted, so that each document's mentions are one run.
    let mut found: Vec<(DocId, Span, Option<u32>, Span)> = Vec::new();
    for mention in &entity.mentions {
        if !chosen.get(mention.doc as usize).copied().unwrap_or(false) {
            continue;
        }
        let Some(document) = mention_document(corpus, *mention) else {
            continue;
        };
        let index = document.sentence_at(mention.span.start);
        let sentence = index.map_or(mention.span, |i| document.sentences[i]);
        found.push((mention.doc, sentence, index.map(|i| i as u32), mention.span));
    }
    crate::sort::sort(&mut found);
    found.dedup();
    let mut documents: Vec<EntityDocument> = found
        .chunk_by(|a, b| a.0 == b.0)
        .map(|mentions| {
            let mut sentences: Vec<MentionSentence> = Vec::new();
            for &(_, span, index, mention) in mentions {
                match sentences.last_mut() {
                    Some(last) if last.span == span && last.index == index => {
                        last.mentions.push(mention)
                    }
                    _ => sentences.push(MentionSentence {
                        index,
                        span,
                        mentions: vec![mention],
                    }),
                }
            }
            EntityDocument {
                doc: mentions[0].0,
                mentions: mentions.len() as u32,
                sentences,
            }
        })
        .collect();
    crate::sort::sort_by_key(&mut documents, order);
    EntityDocuments {
        documents,
        articles: ranked.len(),
        mentions: ranked.iter().map(|found| found.mentions as usize).sum(),
    }
}

impl FacetIndex {
    /// The `limit` entities most often mentioned with `entity`: ranked by the
    /// sentences that mention both (a sentence naming two entities usually states
    /// a relation between them, where a shared article may only share a topic),
    /// then by shared documents, then by name. Entities that share an article
    /// but no sentence are included, after those that share a sentence.
    pub fn co_mentioned(&self, entity: EntityId, limit: usize) -> Vec<CoMention> {
        // Per entity: shared sentences, shared documents (dense: one slot per entity
        // beats hashing for the hundreds of thousands of pairs a frequent entity has).
        let mut shared = vec![(0u32, 0u32); self.entity_count()];
        for &doc in self.entity_docs(entity) {
            // Rows are sorted by entity, then sentence: the entity's own sentences
            // are one run, and every other entity's pairs follow one another.
            let row = &self.doc_mentions(doc);
            let own_start = row.partition_point(|&(other, _)| other < entity);
            let own_end = row.partition_point(|&(other, _)| other <= entity);
            let own = &row[own_start..own_end];
            let mut previous = None;
            for &(other, sentence) in row[..own_start].iter().chain(&row[own_end..]) {
                let counts = &mut shared[other as usize];
                if previous != Some(other) {
                    counts.1 += 1;
                    previous = Some(other);
                }
                if sentence != NO_SENTENCE && own.binary_search(&(entity, sentence)).is_ok() {
                    counts.0 += 1;
                }
            }
        }
        let mut ranked: Vec<CoMention> = shared
            .into_iter()
            .enumerate()
            .filter(|(_, (_, documents))| *documents > 0)
            .map(|(other, (sentences, documents))| CoMention {
                entity: other as EntityId,
                sentences,
                documents,
            })
            .collect();
        crate::sort::sort_by_key(&mut ranked, |c| {
            let rank = self.values[c.entity as usize].rank;
            (std::cmp::Reverse((c.sentences, c.documents)), rank)
        });
        ranked.truncate(limit);
        ranked
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_corpus::sample_corpus;
    use super::*;
    use crate::model::{Document, SourceRef};

    /// Renders the mention sentences of an entity, one article a line:
    /// `doc: «sentence» [mentioned text, …] | …`.
    fn check_documents(entity_id: &str, expect: &str) {
        let corpus = sample_corpus();
        let index = FacetIndex::build(&corpus);
        let entity = index.entity_by_id(entity_id).unwrap_or(EntityId::MAX);
        let lines: Vec<String> = entity_documents(&corpus, entity, usize::MAX)
            .documents
            .iter()
            .map(|found| {
                let document = &corpus.documents[found.doc as usize];
                let sentences: Vec<String> = found
                    .sentences
                    .iter()
                    .map(|sentence| {
                        let mentions: Vec<&str> = sentence
                            .mentions
                            .iter()
                            .map(|&m| document.slice(m))
                            .collect();
                        format!(
                            "«{}» [{}]",
                            document.slice(sentence.span),
                            mentions.join(", ")
                        )
                    })
                    .collect();
                format!(
                    "{} ({}): {}",
                    document.id,
                    found.mentions,
                    sentences.join(" | ")
                )
            })
            .collect();
        assert_eq!(lines.join("\n"), expect.trim(), "{entity_id}");
    }

    #[test]
    fn entity_documents_group_mentions_by_sentence() {
        check_documents(
            "person/zarif",
            "
b (2): «Zarif visited Moscow.» [Zarif] | «Zarif met Lavrov.» [Zarif]
d (1): «Lavrov and Zarif met in Geneva.» [Zarif]",
        );
        check_documents(
            "person/jalali-nasab",
            "a (2): «Jalali Nasab met Borisov in Moscow.» [Jalali Nasab] | «Nasiri praised Petrenko.» [Nasiri]",
        );
        // Same number of mentions: the newest article first, undated last.
        check_documents(
            "person/lavrov",
            "
d (1): «Lavrov and Zarif met in Geneva.» [Lavrov]
c (1): «Iran welcomed Lavrov.» [Lavrov]
b (1): «Zarif met Lavrov.» [Lavrov]",
        );
        check_documents(
            "person/rahmani",
            "
c (1): «Rahmani spoke in Tehran.» [Rahmani]
e (1): «Rāhmānī addressed the United Nations.» [Rāhmānī]",
        );
        check_documents("person/nobody", "");
    }

    #[test]
    fn only_the_first_documents_are_read_and_the_totals_count_them_all() {
        let corpus = sample_corpus();
        let zarif = FacetIndex::build(&corpus)
            .entity_by_id("person/zarif")
            .unwrap();
        let first = entity_documents(&corpus, zarif, 1);
        assert_eq!((first.articles, first.mentions), (2, 3));
        let docs: Vec<DocId> = first.documents.iter().map(|found| found.doc).collect();
        assert_eq!(docs, [1]);
        assert_eq!(entity_documents(&corpus, zarif, 0).documents, []);
        assert_eq!(
            entity_documents(&corpus, zarif, 2).documents[..1],
            first.documents[..]
        );
    }

    #[test]
    fn mentions_outside_sentences_stand_alone() {
        let mut corpus = sample_corpus();
        // Document a loses its sentence split: every mention stands for itself.
        let mut documents: Vec<Document> = corpus.documents.iter().cloned().collect();
        documents[0].sentences.clear();
        corpus.documents = documents.into();
        let ansari = FacetIndex::build(&corpus)
            .entity_by_id("person/jalali-nasab")
            .unwrap();
        let found = entity_documents(&corpus, ansari, usize::MAX).documents;
        let spans: Vec<(Option<u32>, &str)> = found[0]
            .sentences
            .iter()
            .map(|s| (s.index, corpus.documents[0].slice(s.span)))
            .collect();
        assert_eq!(spans, [(None, "Jalali Nasab"), (None, "Nasiri")]);
        // Without sentences, co-mentions fall back to shared documents.
        let index = FacetIndex::build(&corpus);
        assert!(index
            .co_mentioned(ansari, 10)
            .iter()
            .all(|c| c.sentences == 0));
    }

    #[test]
    fn inconsistent_references_are_skipped() {
        let mut corpus = sample_corpus();
        // A mention past the last document, one past the end of its text, one
        // inside a character ("Rāhmānī" in e: byte 2 is inside "ā").
        let zarif = corpus
            .entities
            .iter()
            .position(|e| e.name == "Zarif")
            .unwrap();
        corpus.entities[zarif].mentions.push(SourceRef {
            doc: 99,
            span: Span::new(0, 5),
        });
        corpus.entities[zarif].mentions.push(SourceRef {
            doc: 1,
            span: Span::new(500, 505),
        });
        corpus.entities[zarif].mentions.push(SourceRef {
            doc: 4,
            span: Span::new(2, 4),
        });
        let index = FacetIndex::build(&corpus);
        let found = entity_documents(&corpus, zarif as EntityId, usize::MAX).documents;
        let docs: Vec<DocId> = found.iter().map(|found| found.doc).collect();
        assert_eq!(docs, [1, 3]);
        assert_eq!(found[0].mentions, 2);
        assert_eq!(index.co_mentioned(zarif as EntityId, 1)[0].documents, 2);
        assert_eq!(index.co_mentioned(EntityId::MAX, 5), []);
    }

    fn check_co_mentioned(entity_id: &str, limit: usize, expect: &str) {
        let corpus = sample_corpus();
        let index = FacetIndex::build(&corpus);
        let entity = index.entity_by_id(entity_id).unwrap_or(EntityId::MAX);
        let found: Vec<String> = index
            .co_mentioned(entity, limit)
            .iter()
            .map(|c| {
                let name = &corpus.entities[c.entity as usize].name;
                format!("{name} {}/{}", c.sentences, c.documents)
            })
            .collect();
        assert_eq!(found.join(", "), expect, "{entity_id}");
    }

    #[test]
    fn co_mentions_rank_by_shared_sentences_then_documents() {
        // Zarif shares a sentence with Lavrov in b and in d, with Moscow in b and
        // Geneva in d, and only the article d with the United Nations.
        check_co_mentioned(
            "person/zarif",
            10,
            "Lavrov 2/2, Geneva 1/1, Moscow 1/1, United Nations 0/1",
        );
        check_co_mentioned("person/zarif", 2, "Lavrov 2/2, Geneva 1/1");
        check_co_mentioned(
            "place/iran",
            10,
            "Lavrov 1/1, Russia 1/1, Borisov 0/1, Jalali Nasab 0/1, Moscow 0/1, Petrenko 0/1, Rahmani 0/1, Tehran 0/1",
        );
        check_co_mentioned("place/iran", 0, "");
        check_co_mentioned("person/nobody", 5, "");
    }
}
