//! Visit extraction: who travelled where and when, with the sentences that say so.
//!
//! A visit is the event GDELT and ICEWS code as CAMEO 042/043: a traveler (a
//! person, or a delegation led by one, who is then the traveler) goes to a
//! city or country and is received there. Each article is read sentence by sentence: [`patterns`] proposes
//! candidates from trigger words ("visited", "arrived in", "left A for B", "held
//! talks … in", "hosted", "the visit"), [`context`] and `reference` resolve who
//! and where (pronouns, "the Iranian diplomat", "the Russian capital", "the Kremlin"),
//! [`timex`] dates them against the publication date, and [`merge`] makes one
//! visit per trip across sentences and articles.
//!
//! Choices, favouring precision over recall:
//! - a trip to a world region ("a visit to Europe") names no country and is
//!   not a visit here; neither is a trip home or within one's own country;
//! - negated and hypothetical trips ("did not visit", "could visit", "invited
//!   him to visit") yield nothing; cancelled and postponed ones are kept as
//!   [`VisitStatus::Cancelled`](communique_core::VisitStatus);
//! - a meeting "in Y" (or "X is in Y") counts only when the traveler is known
//!   to be foreign to Y (by country, or by an earlier trip there in the same
//!   article) and is not meeting a third country's official there (CAMEO 044,
//!   a meeting at a third location, is not a visit); talks by phone or video
//!   never count; an ambassador posted abroad does not "visit" by meeting people;
//! - a person whose title names a private occupation (athlete, artist,
//!   journalist, tourist, …) makes no diplomatic visit;
//! - an undated article keeps its visits undated, never dated by guesswork; a
//!   trip a dated article reports without a date takes the article's frame, its
//!   publication day (the month, for a plan or cancellation), marked
//!   [`DateBasis::Publication`](communique_core::DateBasis) so the page can show
//!   it apart from stated (`Stated`) and resolved (`Relative`) dates; for merging
//!   such a report stands for the month before publication, so it joins the
//!   article's current trip rather than an older one the article recalls.
//!
//! Entry points: [`extract`] for the pipeline; [`read_article`] for one
//! article's candidates (what the rules saw, before merging).
//!
//! Invariant: every visit has at least one piece of evidence, a sentence span of
//! an article, and the rule that read it; no corpus-specific name is in the code.

use communique_core::{DocId, Document, Entity, Span, Visit};
use unicode_segmentation::UnicodeSegmentation;

pub mod context;
pub mod lexicon;
pub mod merge;
pub mod patterns;
mod reference;
#[cfg(test)]
mod testkit;
pub mod timex;
pub mod tokens;

use context::{DocState, Known, MentionAt, RefKind, Sentence};

/// Extracts the visits reported in `docs`, one per trip.
pub fn extract(docs: &[Document], entities: &[Entity]) -> Vec<Visit> {
    let mentions = mentions_by_doc(docs, entities);
    let known = Known::new(entities);
    let per_doc = docs
        .iter()
        .enumerate()
        .map(|(d, doc)| read_article(d as DocId, doc, &mentions[d], &known))
        .collect();
    merge::merge(docs, per_doc)
}

/// Reads one article sentence by sentence: every candidate the rules propose,
/// in order, with what each sentence teaches about people and their trips.
pub fn read_article(
    doc_id: DocId,
    doc: &Document,
    mentions: &[MentionAt],
    known: &Known,
) -> Vec<patterns::Candidate> {
    let mut state = DocState::new(doc_id, doc, known);
    state.ahead = people_ahead(doc_id, doc, mentions, known);
    let mut found: Vec<patterns::Candidate> = Vec::new();
    // Where the previous sentence's candidates start in `found`.
    let mut previous = 0;
    for span in sentences(doc) {
        let sentence = Sentence::new(&doc.text, span, mentions, known.entities);
        // "X was to hold talks in Jeddah on Wednesday. Instead he travelled to …": the
        // plan the sentence before told of did not happen.
        if sentence
            .tokens
            .iter()
            .find(|t| t.word)
            .is_some_and(|t| t.is("instead"))
        {
            for c in &mut found[previous..] {
                if c.status == communique_core::VisitStatus::Planned {
                    c.status = communique_core::VisitStatus::Cancelled;
                }
            }
        }
        previous = found.len();
        let here = patterns::candidates(&sentence, &state);
        for c in &here {
            if let (Some(t), Some(d)) = (&c.traveler, &c.destination) {
                if let (Some(e), Some(country)) = (t.entity, &d.country) {
                    state.abroad.push((e, country.clone()));
                }
            }
        }
        // "… to mark the visit of President X. She was calling on …": with no subject
        // of its own, a sentence's one traveler is whom "she" refers to next.
        let travelers: Vec<&context::Person> = here
            .iter()
            .filter(|c| c.is_complete())
            .filter_map(|c| c.traveler.as_ref())
            .collect();
        if !state.remember(&sentence) {
            if let [one] = travelers.as_slice() {
                state.last_subject = Some((*one).clone());
            }
        }
        found.extend(here);
    }
    found
}

/// The people the story names after a headline that describes someone without a name
/// ("Foreign minister in Canberra for trade talks"), in order of first mention, with the
/// country and role their sentences give them; none for other headlines.
fn people_ahead(
    doc_id: DocId,
    doc: &Document,
    mentions: &[MentionAt],
    known: &Known,
) -> Vec<context::Person> {
    let Some(headline) = doc.headline_span() else {
        return Vec::new();
    };
    let first = Sentence::new(&doc.text, headline, mentions, known.entities);
    let describes = first
        .tokens
        .iter()
        .any(|t| lexicon::is_person_head(&t.lower));
    if !describes || first.refs.iter().any(|r| r.kind == RefKind::Person) {
        return Vec::new();
    }
    let mut story = DocState::new(doc_id, doc, known);
    for span in sentences(doc).into_iter().filter(|s| !s.overlaps(headline)) {
        story.remember(&Sentence::new(&doc.text, span, mentions, known.entities));
    }
    let mut people: Vec<context::Person> = Vec::new();
    for person in story.recent {
        if !people.iter().any(|p| p.same(&person)) {
            people.push(person);
        }
    }
    people
}

/// Every entity mention, grouped by document and sorted by offset.
pub fn mentions_by_doc(docs: &[Document], entities: &[Entity]) -> Vec<Vec<MentionAt>> {
    // Which mentions count and in what order is core's (`mentions::mentions_by_doc`), shared
    // with the app's reader; here they become byte ranges for the tokenizer.
    communique_core::mentions::mentions_by_doc(docs, entities)
        .into_iter()
        .map(|list| {
            list.into_iter()
                .map(|m| MentionAt {
                    start: m.span.start as usize,
                    end: m.span.end as usize,
                    entity: m.entity,
                })
                .collect()
        })
        .collect()
}

/// The document's sentences; UAX #29 sentences when the reader gave none.
pub fn sentences(doc: &Document) -> Vec<Span> {
    if !doc.sentences.is_empty() || doc.text.trim().is_empty() {
        return doc.sentences.to_vec();
    }
    doc.text
        .split_sentence_bound_indices()
        .filter_map(|(start, s)| {
            let trimmed = s.trim_end();
            let lead = trimmed.len() - trimmed.trim_start().len();
            (!trimmed.trim().is_empty()).then(|| Span::new(start + lead, start + trimmed.len()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::testkit::{corpus, Fixture};
    use super::*;

    /// Extracts visits from `articles` (text, publication date or `-`) with
    /// entities `names` and renders each as
    /// `id traveler(country) -> destination(country) date[/end] status [hosts] inv=… {doc:rule …}`.
    fn check(articles: &[(&str, &str)], names: &[&str], expect: &[&str]) {
        let Fixture { docs, entities } = corpus(articles, names);
        let got: Vec<String> = extract(&docs, &entities)
            .iter()
            .map(|v| {
                let mut out = format!(
                    "{} {}({}) -> {}({})",
                    v.id,
                    v.traveler,
                    v.traveler_country.as_deref().unwrap_or("?"),
                    v.destination,
                    v.country.as_deref().unwrap_or("?")
                );
                if let Some(d) = v.date {
                    out += &format!(" {}", d.iso());
                    // A defaulted date says so: "(publication)".
                    if v.date_basis == Some(communique_core::DateBasis::Publication) {
                        out += "(publication)";
                    }
                }
                if let Some(d) = v.date_end {
                    out += &format!("/{}", d.iso());
                }
                out += &format!(" {}", v.status.as_str());
                if !v.hosts.is_empty() {
                    out += &format!(" [{}]", v.hosts.join(", "));
                }
                if let Some(i) = &v.inviter {
                    out += &format!(" inv={i}");
                }
                let evidence: Vec<String> = v
                    .evidence
                    .iter()
                    .map(|e| format!("{}:{}", e.source.doc, e.rule))
                    .collect();
                out + &format!(" {{{}}}", evidence.join(" "))
            })
            .collect();
        assert_eq!(got, expect);
    }

    const NAMES: &[&str] = &[
        "p:Anna Berg",
        "p:Luis Soto",
        "p:Mei Lin",
        "l:Lima",
        "l:Oslo",
    ];

    #[test]
    fn one_visit_per_trip_within_an_article() {
        // 2019-03-06 is a Wednesday.
        check(
            &[(
                "Norwegian envoy Anna Berg arrived in Lima on Monday. On Wednesday, Berg held talks with \
                 Peruvian minister Luis Soto in Lima. The visit comes at the invitation of Luis Soto.",
                "2019-03-06",
            )],
            NAMES,
            &["v1 Anna Berg(Norway) -> Lima(Peru) 2019-03-04/2019-03-06 happened [Luis Soto] inv=Luis Soto {0:arrived-in 0:talks-in 0:visit-mention}"],
        );
        // A continuation before any visit joins the one that follows.
        check(
            &[(
                "The visit comes at the invitation of Luis Soto. Norwegian envoy Anna Berg arrived in Lima.",
                "2019-03-06",
            )],
            NAMES,
            &["v1 Anna Berg(Norway) -> Lima(Peru) 2019-03-06(publication) happened inv=Luis Soto {0:visit-mention 0:arrived-in}"],
        );
        // A continuation dated apart from the trip is about another event.
        check(
            &[(
                "Last week, Anna Berg met Peruvian minister Luis Soto. Norwegian envoy Anna Berg visited Peru in March 2017.",
                "2019-03-06",
            )],
            NAMES,
            &["v1 Anna Berg(Norway) -> Peru(Peru) 2017-03 happened {0:visited}"],
        );
        // A continuation with no visit in the article is dropped.
        check(
            &[(
                "The visit comes at the invitation of Luis Soto.",
                "2019-03-06",
            )],
            NAMES,
            &[],
        );
    }

    #[test]
    fn one_visit_per_trip_across_articles() {
        check(
            &[
                ("Norwegian envoy Anna Berg will visit Lima next week.", "2019-03-01"),
                ("Norwegian envoy Anna Berg arrived in Lima on Tuesday.", "2019-03-06"),
                ("Earlier this month, Norwegian envoy Anna Berg visited Peru.", "2019-03-20"),
            ],
            NAMES,
            &["v1 Anna Berg(Norway) -> Lima(Peru) 2019-03-05 happened {0:visited 1:arrived-in 2:visited}"],
        );
        // Months apart: two trips.
        check(
            &[
                (
                    "Norwegian envoy Anna Berg arrived in Lima on Tuesday.",
                    "2019-03-06",
                ),
                (
                    "Norwegian envoy Anna Berg arrived in Lima yesterday.",
                    "2019-09-06",
                ),
            ],
            NAMES,
            &[
                "v1 Anna Berg(Norway) -> Lima(Peru) 2019-03-05 happened {0:arrived-in}",
                "v2 Anna Berg(Norway) -> Lima(Peru) 2019-09-05 happened {1:arrived-in}",
            ],
        );
        // A plan and its cancellation are one trip, called off.
        check(
            &[
                ("Norwegian envoy Anna Berg will visit Lima next week.", "2019-03-01"),
                ("Norwegian envoy Anna Berg postponed her visit to Lima.", "2019-03-04"),
            ],
            NAMES,
            &["v1 Anna Berg(Norway) -> Lima(Peru) 2019-03-04/2019-03-10 cancelled {0:visited 1:visit-to}"],
        );
        // A cancelled trip is not the trip that happened.
        check(
            &[
                (
                    "Norwegian envoy Anna Berg postponed her visit to Lima.",
                    "2019-03-06",
                ),
                (
                    "Norwegian envoy Anna Berg arrived in Lima on Monday.",
                    "2019-03-06",
                ),
            ],
            NAMES,
            &[
                // Undated in its article, the call-off takes the article's month.
                "v1 Anna Berg(Norway) -> Lima(Peru) 2019-03(publication) cancelled {0:visit-to}",
                "v2 Anna Berg(Norway) -> Lima(Peru) 2019-03-04 happened {1:arrived-in}",
            ],
        );
    }

    #[test]
    fn visiting_officials_and_described_travelers() {
        check(
            &[(
                "Peruvian President Luis Soto met visiting Norwegian envoy Anna Berg on Monday. \
                 The Norwegian envoy's visit to Lima ends today.",
                "2019-03-06",
            )],
            NAMES,
            &["v1 Anna Berg(Norway) -> Lima(Peru) 2019-03-04/2019-03-06 happened [Luis Soto] {0:visiting 0:visit-to}"],
        );
    }

    #[test]
    fn a_pronoun_after_an_opening_phrase_is_the_subject() {
        // 2019-03-04 is a Monday. "she" in "On Tuesday, she …" is the traveler,
        // not the counterpart named last.
        check(
            &[(
                "Chinese envoy Mei Lin arrived in Lima on Monday. On Tuesday, she will hold \
                 talks with Peruvian minister Luis Soto. She will visit Oslo on Wednesday.",
                "2019-03-04",
            )],
            NAMES,
            &[
                "v1 Mei Lin(China) -> Lima(Peru) 2019-03-04/2019-03-05 happened [Luis Soto] {0:arrived-in 0:met-with}",
                "v2 Mei Lin(China) -> Oslo(Norway) 2019-03-06 planned {0:visited}",
            ],
        );
    }

    /// The visits of one article published on 2019-03-06, with `NAMES`, filed from `dateline`.
    fn extract_filed_from(text: &str, dateline: Option<&str>) -> Vec<Visit> {
        let Fixture { mut docs, entities } = corpus(&[(text, "2019-03-06")], NAMES);
        docs[0].dateline = dateline.map(|name| name.to_string().into());
        extract(&docs, &entities)
    }

    #[test]
    fn here_is_the_dateline_city() {
        for text in [
            "Norwegian envoy Anna Berg arrived here on Monday.",
            "Norwegian envoy Anna Berg, who is here since Monday, met students.",
            // An acronym in parentheses inside the title keeps the name its subject.
            "Envoy (FM) of Norway Anna Berg arrived here on Monday.",
        ] {
            assert!(
                extract_filed_from(text, None).is_empty(),
                "no dateline, no place: {text}"
            );
            let visits = extract_filed_from(text, Some("Lima"));
            assert_eq!(visits.len(), 1, "{text}");
            assert_eq!(visits[0].destination, "Lima", "{text}");
        }
    }

    #[test]
    fn a_visit_named_by_whose_it_is_and_nowhere_is_in_the_dateline_city() {
        let text = "A band played to mark the visit of Norwegian envoy Anna Berg.";
        assert!(
            extract_filed_from(text, None).is_empty(),
            "no dateline, no place"
        );
        let visits = extract_filed_from(text, Some("Lima"));
        assert_eq!(visits.len(), 1);
        assert_eq!(visits[0].destination, "Lima");
        assert_eq!(visits[0].evidence[0].rule, "visit-dateline");
        // At home in the dateline's city, nobody visits it.
        let text = "A band played to mark the visit of Peruvian envoy Luis Soto.";
        assert!(extract_filed_from(text, Some("Lima")).is_empty());
    }

    #[test]
    fn a_trip_opening_the_sentence_takes_the_main_clauses_tense() {
        // 2019-03-06 is a Wednesday: "on Sunday" ahead is 2019-03-10.
        check(
            &[(
                "Norwegian envoy Anna Berg left Oslo on Wednesday. Arriving in Lima on Sunday, she will open a fair.",
                "2019-03-06",
            )],
            NAMES,
            &["v1 Anna Berg(Norway) -> Lima(Peru) 2019-03-10 planned {0:arrived-in}"],
        );
        // A present tense about a trip dated after every report of it is no report that it
        // happened: "her visit marks …" beside "from June 4-6 … will visit".
        check(
            &[(
                "During her visit to Peru, from June 4-6, Norwegian envoy Anna Berg will visit Lima. \
                 Anna Berg's visit to Peru marks her first trip.",
                "2019-05-29",
            )],
            NAMES,
            &["v1 Anna Berg(Norway) -> Peru(Peru) 2019-06 planned {0:visit-to 0:visit-to}"],
        );
    }

    #[test]
    fn a_description_opening_the_sentence_and_read_word_by_word() {
        // "Norwegian Foreign Minister" (no "the") is the Minister of Foreign Affairs of Norway.
        check(
            &[(
                "Minister of Foreign Affairs of Norway Anna Berg spoke. Norwegian Foreign \
                 Minister arrived in Lima on Monday.",
                "2019-03-06",
            )],
            &["p:Anna Berg@Norway", "l:Lima"],
            &["v1 Anna Berg(Norway) -> Lima(Peru) 2019-03-04 happened {0:arrived-in}"],
        );
    }

    #[test]
    fn a_description_teaches_the_country_of_whom_it_describes() {
        // "the visiting Norwegian prime minister" is Anna Berg, so Oslo is her home.
        check(
            &[(
                "Prime Minister Anna Berg concluded her trip to Peru on Thursday. Peruvian envoy \
                 Luis Soto hosted a dinner for the visiting Norwegian prime minister. Anna Berg \
                 flew out of Lima and arrived in Oslo on Thursday.",
                "2019-03-08",
            )],
            NAMES,
            &["v1 Anna Berg(?) -> Peru(Peru) 2019-03-07 happened {0:trip-to}"],
        );
    }

    #[test]
    fn a_generic_description_is_the_latest_person_of_unknown_country() {
        // "Mei Lin" has no nationality in the text until "the Chinese leader" gives her one.
        check(
            &[(
                "Peruvian envoy Luis Soto hosted a ceremony for Secretary Mei Lin. The Chinese \
                 leader is on a state visit to Peru.",
                "2019-03-06",
            )],
            NAMES,
            &["v1 Mei Lin(China) -> Peru(Peru) 2019-03-06(publication) happened {0:visit-to}"],
        );
    }

    #[test]
    fn who_arrived_is_the_antecedent_whatever_its_role() {
        check(
            &[(
                "Peruvian envoy Luis Soto told Norwegian envoy Anna Berg, who arrived in Lima on \
                 Monday, that the deal stands.",
                "2019-03-06",
            )],
            NAMES,
            &["v1 Anna Berg(Norway) -> Lima(Peru) 2019-03-04 happened {0:arrived-in}"],
        );
    }

    #[test]
    fn pronouns_agree_with_the_subject_pronoun_of_their_sentence() {
        // "her" is the one "She" stands for, not the Peruvian named between them; and a
        // sentence whose only person is a traveler (no subject) gives "She" her.
        check(
            &[(
                "A band played in Lima to mark the visit of Norwegian envoy Anna Berg. She was calling \
                 on Peruvian minister Luis Soto on the second day of her visit to Peru.",
                "2019-03-06",
            )],
            NAMES,
            &["v1 Anna Berg(Norway) -> Lima(Peru) 2019-03-06(publication) happened [Luis Soto] {0:visit-in 0:visit-to}"],
        );
        // "She hosted X when he visited Y": "he" is X, not whom "She" stands for; the
        // host's own undated saying of the trip adds its host to the dated one.
        check(
            &[(
                "Norwegian envoy Anna Berg spoke in Oslo. She hosted Peruvian minister Luis Soto when \
                 he visited Oslo in May 2018.",
                "2019-03-06",
            )],
            NAMES,
            &["v1 Luis Soto(Peru) -> Oslo(Norway) 2018-05 happened [Anna Berg] {0:visited}"],
        );
    }

    #[test]
    fn a_pair_referred_to_as_they_or_the_two_travels_where_it_is_abroad() {
        // "The two leaders" and "they" stand for the pair the sentence before named;
        // the Peruvian at home in Lima makes no trip.
        check(
            &[(
                "Peruvian envoy Luis Soto received Norwegian envoy Anna Berg. The two envoys met in Lima on Monday.",
                "2019-03-06",
            )],
            NAMES,
            &["v1 Anna Berg(Norway) -> Lima(Peru) 2019-03-04 happened [Luis Soto] {0:received 0:met-in}"],
        );
        check(
            &[(
                "Norwegian envoy Anna Berg spoke with Chinese envoy Mei Lin. The two diplomats will speak again. They met in Lima on Monday.",
                "2019-03-06",
            )],
            NAMES,
            &[
                "v1 Anna Berg(Norway) -> Lima(Peru) 2019-03-04 happened {0:met-in}",
                "v2 Mei Lin(China) -> Lima(Peru) 2019-03-04 happened {0:met-in}",
            ],
        );
        // "both of whom" stands for the two named before it in the sentence.
        check(
            &[(
                "Peruvian envoy Luis Soto will meet Anna Berg and Mei Lin, both of whom have made official visits to Lima since taking office.",
                "2019-03-06",
            )],
            NAMES,
            &[
                "v1 Anna Berg(?) -> Lima(Peru) happened [Luis Soto] {0:visit-to}",
                "v2 Mei Lin(?) -> Lima(Peru) happened [Luis Soto] {0:visit-to}",
            ],
        );
    }

    #[test]
    fn trips_recalled_in_the_perfect_keep_no_publication_date() {
        check(
            &[(
                "Norwegian envoy Anna Berg has arrived in Lima. Luis Soto has visited Oslo twice.",
                "2019-03-06",
            )],
            NAMES,
            // "has arrived" is the day's news; "has visited twice" recalls other trips.
            &[
                "v1 Anna Berg(Norway) -> Lima(Peru) 2019-03-06(publication) happened {0:arrived-in}",
                "v2 Luis Soto(?) -> Oslo(Norway) happened {0:visited}",
            ],
        );
    }

    #[test]
    fn an_older_trip_recalled_is_another_trip() {
        check(
            &[(
                "Norwegian envoy Anna Berg has arrived in Lima. Berg last traveled to Peru in May 2015.",
                "2019-03-06",
            )],
            NAMES,
            &[
                "v1 Anna Berg(Norway) -> Peru(Peru) 2015-05 happened {0:travelled-to}",
                "v2 Anna Berg(Norway) -> Lima(Peru) 2019-03-06(publication) happened {0:arrived-in}",
            ],
        );
    }

    #[test]
    fn undated_articles_keep_undated_visits() {
        check(
            &[
                ("Norwegian envoy Anna Berg arrived in Lima on Monday.", "-"),
                ("Norwegian envoy Anna Berg arrived in Lima on Monday.", "-"),
            ],
            NAMES,
            &[
                "v1 Anna Berg(Norway) -> Lima(Peru) happened {0:arrived-in}",
                "v2 Anna Berg(Norway) -> Lima(Peru) happened {1:arrived-in}",
            ],
        );
        // An explicit date needs no publication date.
        check(
            &[(
                "Norwegian envoy Anna Berg arrived in Lima on March 4, 2019.",
                "-",
            )],
            NAMES,
            &["v1 Anna Berg(Norway) -> Lima(Peru) 2019-03-04 happened {0:arrived-in}"],
        );
    }

    #[test]
    fn no_visit_without_a_foreign_destination() {
        check(
            &[(
                "Anna Berg visited Europe. Peruvian minister Luis Soto arrived in Lima. Chinese envoy Mei Lin \
                 met Peruvian minister Luis Soto in Oslo. Norwegian envoy Anna Berg did not travel to Lima.",
                "2019-03-06",
            )],
            NAMES,
            &[],
        );
    }
}
