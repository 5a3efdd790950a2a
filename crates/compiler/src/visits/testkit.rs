//! Test fixtures: articles and a small hand-made entity list whose mention
//! spans are found by searching the text for each name (and a person's
//! surname), so rule tests read like the sentences they check.

use communique_core::{Body, Document, Entity, EntityKind, PartialDate, SourceRef, Span};
use unicode_segmentation::UnicodeSegmentation;

use super::lexicon;

/// Documents and entities built for a test.
pub struct Fixture {
    /// The articles, in order.
    pub docs: Vec<Document>,
    /// The entities, with mentions in every article.
    pub entities: Vec<Entity>,
}

/// A document with sentence spans cut by UAX #29.
pub fn document(id: &str, text: &str, date: &str) -> Document {
    let sentences = text
        .split_sentence_bound_indices()
        .filter_map(|(start, s)| {
            let trimmed = s.trim_end();
            let lead = trimmed.len() - trimmed.trim_start().len();
            (!trimmed.trim().is_empty()).then(|| Span::new(start + lead, start + trimmed.len()))
        })
        .collect();
    Document {
        id: id.to_string().into(),
        date: PartialDate::parse_iso(date),
        body: Body {
            text: text.to_string(),
            sentences,
            ..Body::default()
        }
        .into(),
        ..Document::default()
    }
}

/// Builds articles `(text, date)` and entities from `names`: `p:Anna Berg`
/// (person), `l:Oslo` (place), `o:Acme Institute` (organisation), each with an
/// optional `@Country`; a place's country defaults to the lexicon's.
pub fn corpus(articles: &[(&str, &str)], names: &[&str]) -> Fixture {
    let docs: Vec<Document> = articles
        .iter()
        .enumerate()
        .map(|(n, (text, date))| document(&format!("d{n}"), text, date))
        .collect();
    let mut taken: Vec<Vec<Span>> = vec![Vec::new(); docs.len()];
    // Longer names first, so "Anna Berg" wins over a lone "Berg".
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&n| std::cmp::Reverse(names[n].len()));
    let mut entities: Vec<Entity> = names
        .iter()
        .map(|spec| {
            let (kind, rest) = spec.split_once(':').expect("kind:name");
            let (name, country) = match rest.split_once('@') {
                Some((name, country)) => (name, Some(country.to_string())),
                None => (rest, None),
            };
            let kind = match kind {
                "p" => EntityKind::Person,
                "l" => EntityKind::Place,
                "o" => EntityKind::Organization,
                _ => unreachable!("unknown entity kind {kind}"),
            };
            let lower = name.to_lowercase();
            let country = country.or_else(|| {
                (kind == EntityKind::Place)
                    .then(|| {
                        lexicon::country_named(&lower)
                            .map(|c| c.name)
                            .or_else(|| lexicon::country_of_city(&lower))
                    })
                    .flatten()
                    .map(str::to_string)
            });
            Entity {
                id: format!("{}/{}", kind.as_str(), lower.replace(' ', "-")).into(),
                name: name.to_string().into(),
                kind,
                aliases: Vec::new(),
                roles: Vec::new(),
                country: country.map(Into::into),
                lat: None,
                lon: None,
                mentions: Vec::new().into(),
            }
        })
        .collect();
    for pass in 0..2 {
        for &n in &order {
            let e = &entities[n];
            let form = if pass == 0 {
                e.name.to_string()
            } else if e.kind == EntityKind::Person && e.name.contains(' ') {
                e.name.rsplit(' ').next().unwrap_or_default().to_string()
            } else {
                continue;
            };
            let mut found = Vec::new();
            for (d, doc) in docs.iter().enumerate() {
                for (at, _) in doc.text.match_indices(&form) {
                    let end = at + form.len();
                    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
                    if !boundary(doc.text[..at].chars().next_back())
                        || !boundary(doc.text[end..].chars().next())
                    {
                        continue;
                    }
                    let span = Span::new(at, end);
                    if taken[d].iter().any(|s| s.overlaps(span)) {
                        continue;
                    }
                    taken[d].push(span);
                    found.push(SourceRef {
                        doc: d as u32,
                        span,
                    });
                }
            }
            entities[n].mentions.extend(found);
        }
    }
    for e in &mut entities {
        e.mentions.sort();
    }
    Fixture { docs, entities }
}
