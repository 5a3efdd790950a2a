//! Who met whom: people and organisations joined by the visits on which one travelled and
//! the other hosted, and by the sentences that name both; with a layout to draw them by.
//!
//! The network and its layout are computed where the corpus is compiled (natively, and
//! deterministically: the same corpus always gives the same drawing), so that a page or a
//! graph tool (`export::graph`) only draws them.
//!
//! Invariant: a tie joins two different people or organisations, never a place, and names
//! each visit and sentence that makes it, so every edge drawn links to its evidence.

use std::collections::{BTreeMap, HashMap};

use crate::facet::{FacetIndex, NO_SENTENCE};
use crate::{Corpus, DocId, EntityId, EntityKind};

/// Two entities and what joins them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tie {
    /// The two entities, the lower id first.
    pub ends: [EntityId; 2],
    /// The visits (indices into [`Corpus::visits`]) on which one travelled and the other
    /// was named as a host, in corpus order.
    pub visits: Vec<u32>,
    /// The sentences that name both: their article and the sentence's index in its
    /// [`Body::sentences`](crate::Body::sentences), in article order.
    pub sentences: Vec<(DocId, u32)>,
}

impl Tie {
    /// The tie's strength: its visits and its sentences.
    pub fn weight(&self) -> usize {
        self.visits.len() + self.sentences.len()
    }

    /// What the tie is made of: `"visit"`, `"co-mention"` or `"visit+co-mention"`.
    pub fn kind(&self) -> &'static str {
        match (self.visits.is_empty(), self.sentences.is_empty()) {
            (false, false) => "visit+co-mention",
            (false, true) => "visit",
            _ => "co-mention",
        }
    }
}

/// The people and organisations of a corpus that share a visit or a sentence, and their ties.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Network {
    /// The entities with at least one tie, in id order.
    pub nodes: Vec<EntityId>,
    /// The ties, ordered by their ends.
    pub ties: Vec<Tie>,
}

impl Network {
    /// The network of `corpus`, whose sentences' entities `facets` lists.
    ///
    /// A visit joins its traveller to each host the compiler could name as an entity: a
    /// host is matched by its exact name or alias, and a name that two entities share
    /// joins neither (a wrong edge would be worse than a missing one).
    pub fn build(corpus: &Corpus, facets: &FacetIndex) -> Network {
        let joinable = |entity: EntityId| {
            (corpus.entities.get(entity as usize)).is_some_and(|e| e.kind != EntityKind::Place)
        };
        let mut ties: BTreeMap<[EntityId; 2], Tie> = BTreeMap::new();
        fn tie(ties: &mut BTreeMap<[EntityId; 2], Tie>, a: EntityId, b: EntityId) -> &mut Tie {
            let ends = [a.min(b), a.max(b)];
            ties.entry(ends).or_insert_with(|| Tie {
                ends,
                ..Tie::default()
            })
        }
        let named = names(corpus);
        for (number, visit) in corpus.visits.iter().enumerate() {
            let Some(traveller) = visit.traveler_entity.filter(|&e| joinable(e)) else {
                continue;
            };
            let mut hosts: Vec<EntityId> = (visit.hosts.iter())
                .filter_map(|host| named.get(host.as_str()).copied().flatten())
                .filter(|&host| host != traveller && joinable(host))
                .collect();
            crate::sort::sort(&mut hosts);
            hosts.dedup();
            for host in hosts {
                tie(&mut ties, traveller, host).visits.push(number as u32);
            }
        }
        let mut in_sentence: Vec<(u32, EntityId)> = Vec::new();
        for doc in 0..corpus.documents.len() as DocId {
            in_sentence.clear();
            in_sentence.extend(
                (facets.doc_mentions(doc).into_iter())
                    .filter(|&(entity, sentence)| sentence != NO_SENTENCE && joinable(entity))
                    .map(|(entity, sentence)| (sentence, entity)),
            );
            crate::sort::sort(&mut in_sentence);
            in_sentence.dedup();
            for group in in_sentence.chunk_by(|a, b| a.0 == b.0) {
                for (i, &(sentence, a)) in group.iter().enumerate() {
                    for &(_, b) in &group[i + 1..] {
                        tie(&mut ties, a, b).sentences.push((doc, sentence));
                    }
                }
            }
        }
        let ties: Vec<Tie> = ties.into_values().collect();
        let mut nodes: Vec<EntityId> = ties.iter().flat_map(|t| t.ends).collect();
        crate::sort::sort(&mut nodes);
        nodes.dedup();
        Network { nodes, ties }
    }

    /// The part of the network a page can draw: the `limit` nodes whose ties weigh most
    /// (ties broken by entity number) and the ties among them; the nodes left with no tie
    /// go too.
    pub fn strongest(&self, limit: usize) -> Network {
        if self.nodes.len() <= limit {
            return self.clone();
        }
        let mut strength: HashMap<EntityId, usize> = HashMap::new();
        for tie in &self.ties {
            for end in tie.ends {
                *strength.entry(end).or_default() += tie.weight();
            }
        }
        let mut ranked = self.nodes.clone();
        crate::sort::sort_by_key(&mut ranked, |e| (std::cmp::Reverse(strength[e]), *e));
        ranked.truncate(limit);
        crate::sort::sort(&mut ranked);
        let kept = |e: &EntityId| ranked.binary_search(e).is_ok();
        let ties: Vec<Tie> = (self.ties.iter())
            .filter(|t| t.ends.iter().all(kept))
            .cloned()
            .collect();
        let mut nodes: Vec<EntityId> = ties.iter().flat_map(|t| t.ends).collect();
        crate::sort::sort(&mut nodes);
        nodes.dedup();
        Network { nodes, ties }
    }

    /// Each node's place in the drawing, in `nodes`' order: `[x, y]`, both in `0..=1`,
    /// the longer side of the drawing spanning the whole range.
    ///
    /// A force layout (Fruchterman and Reingold's, 1991): ties pull their ends together,
    /// more the stronger they are, every node pushes away the nodes near it, and a slight
    /// pull to the centre keeps unconnected groups from drifting apart. The most connected
    /// nodes start at the centre of a spiral, and the steps are the same for the same
    /// network, so the drawing is too. Repulsion is counted only between nodes in
    /// neighbouring cells of a grid, which keeps a step linear in the nodes where pairs
    /// would be quadratic (tens of thousands of people at 100,000 articles).
    pub fn layout(&self) -> Vec<[f32; 2]> {
        let n = self.nodes.len();
        let index: HashMap<EntityId, usize> = (self.nodes.iter().enumerate())
            .map(|(i, &e)| (e, i))
            .collect();
        let edges: Vec<(usize, usize, f64)> = (self.ties.iter())
            .map(|t| {
                let strength = 1.0 + (t.weight() as f64).ln();
                (index[&t.ends[0]], index[&t.ends[1]], strength)
            })
            .collect();
        let mut degree = vec![0.0f64; n];
        for &(a, b, strength) in &edges {
            degree[a] += strength;
            degree[b] += strength;
        }
        // The most connected first, at the spiral's centre; ties broken by id.
        let mut order: Vec<usize> = (0..n).collect();
        crate::sort::sort_by_key(&mut order, |&i| (std::cmp::Reverse(degree[i].to_bits()), i));
        let mut position = vec![[0.0f64; 2]; n];
        for (rank, &i) in order.iter().enumerate() {
            // The golden angle spreads the spiral's points evenly over its disc.
            let (radius, angle) = ((rank as f64 + 0.5).sqrt(), rank as f64 * 2.399_963);
            position[i] = [radius * angle.cos(), radius * angle.sin()];
        }
        const STEPS: usize = 200;
        // The ideal distance between nodes is 1; repulsion reaches three times that.
        const REACH: f64 = 3.0;
        const GRAVITY: f64 = 0.2;
        let mut heat = (n as f64).sqrt().max(1.0) / 4.0;
        let cool = heat / STEPS as f64;
        let mut shift = vec![[0.0f64; 2]; n];
        let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        let cell = |p: [f64; 2]| ((p[0] / REACH).floor() as i64, (p[1] / REACH).floor() as i64);
        for _ in 0..STEPS {
            grid.values_mut().for_each(Vec::clear);
            for (i, &p) in position.iter().enumerate() {
                grid.entry(cell(p)).or_default().push(i);
            }
            for (i, &p) in position.iter().enumerate() {
                let (cx, cy) = cell(p);
                let mut push = [-GRAVITY * p[0], -GRAVITY * p[1]];
                for dx in -1..=1 {
                    for dy in -1..=1 {
                        for &j in grid.get(&(cx + dx, cy + dy)).into_iter().flatten() {
                            let d = [p[0] - position[j][0], p[1] - position[j][1]];
                            let distance = d[0].hypot(d[1]);
                            if j == i || distance >= REACH {
                                continue;
                            }
                            // Two nodes on one point are parted along a direction of
                            // their own, the same on every run.
                            let (d, distance) = if distance > 1e-9 {
                                (d, distance)
                            } else {
                                let angle = (i * 7 + j * 13) as f64;
                                ([angle.cos() * 1e-3, angle.sin() * 1e-3], 1e-3)
                            };
                            let force = 1.0 / distance;
                            push[0] += d[0] / distance * force;
                            push[1] += d[1] / distance * force;
                        }
                    }
                }
                shift[i] = push;
            }
            for &(a, b, strength) in &edges {
                let d = [
                    position[a][0] - position[b][0],
                    position[a][1] - position[b][1],
                ];
                let distance = d[0].hypot(d[1]);
                // Attraction grows with the square of the distance: d² / 1 along d.
                let pull = [d[0] * distance * strength, d[1] * distance * strength];
                shift[a] = [shift[a][0] - pull[0], shift[a][1] - pull[1]];
                shift[b] = [shift[b][0] + pull[0], shift[b][1] + pull[1]];
            }
            for (p, s) in position.iter_mut().zip(&shift) {
                let length = s[0].hypot(s[1]);
                if length > 0.0 {
                    let step = length.min(heat) / length;
                    *p = [p[0] + s[0] * step, p[1] + s[1] * step];
                }
            }
            heat = (heat - cool).max(heat * 0.05);
        }
        fit(&position)
    }
}

/// Positions scaled into `0..=1`, the longer side spanning it and the shorter centred,
/// rounded to four decimals so that exports of the same network compare equal as text.
fn fit(position: &[[f64; 2]]) -> Vec<[f32; 2]> {
    let (mut low, mut high) = ([f64::MAX; 2], [f64::MIN; 2]);
    for p in position {
        for axis in 0..2 {
            low[axis] = low[axis].min(p[axis]);
            high[axis] = high[axis].max(p[axis]);
        }
    }
    let span = (high[0] - low[0]).max(high[1] - low[1]);
    let round = |v: f64| ((v * 10_000.0).round() / 10_000.0) as f32;
    (position.iter())
        .map(|p| {
            let at = |axis: usize| {
                if span <= 0.0 {
                    return 0.5;
                }
                let margin = (span - (high[axis] - low[axis])) / 2.0;
                (p[axis] - low[axis] + margin) / span
            };
            [round(at(0)), round(at(1))]
        })
        .collect()
}

/// Every name and alias of a person or organisation → the entity, or `None` where two
/// entities share it.
fn names(corpus: &Corpus) -> HashMap<&str, Option<EntityId>> {
    let mut named: HashMap<&str, Option<EntityId>> = HashMap::new();
    for (id, entity) in corpus.entities.iter().enumerate() {
        if entity.kind == EntityKind::Place {
            continue;
        }
        let id = id as EntityId;
        for name in std::iter::once(&*entity.name).chain(entity.aliases.iter().map(String::as_str))
        {
            let slot = named.entry(name).or_insert(Some(id));
            if *slot != Some(id) {
                *slot = None;
            }
        }
    }
    named
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facet::test_corpus::CorpusBuilder;

    /// A corpus of one article of `text` (sentences end in ". ") naming Ansari, Lavrov,
    /// Putin (alias "Vladimir Putin"), Gazprom, Lone and the place Moscow, with a visit for
    /// each `(traveller, hosts)`.
    fn corpus(text: &str, visits: &[(&str, &[&str])]) -> Corpus {
        let mut builder = CorpusBuilder::default().doc("a", "2016-01-01", "", text);
        for (name, kind) in [
            ("Ansari", EntityKind::Person),
            ("Lavrov", EntityKind::Person),
            ("Putin", EntityKind::Person),
            ("Gazprom", EntityKind::Organization),
            ("Lone", EntityKind::Person),
            ("Moscow", EntityKind::Place),
        ] {
            let aliases: &[&str] = if name == "Putin" {
                &["Vladimir Putin"]
            } else {
                &[]
            };
            builder = builder.entity(kind, name, aliases);
        }
        for (number, _) in visits.iter().enumerate() {
            builder = builder.visit(&number.to_string(), "", "", &["a"]);
        }
        let mut corpus = builder.build();
        for (visit, (traveller, hosts)) in corpus.visits.iter_mut().zip(visits) {
            visit.traveler = traveller.to_string();
            visit.traveler_entity = (corpus.entities.iter())
                .position(|e| &*e.name == *traveller)
                .map(|i| i as EntityId);
            visit.hosts = hosts.iter().map(|h| h.to_string()).collect();
        }
        corpus
    }

    /// The network's ties as `A–B kind weight`, one a line.
    fn render(corpus: &Corpus) -> String {
        let network = Network::build(corpus, &FacetIndex::build(corpus));
        let name = |e: EntityId| corpus.entities[e as usize].name.to_string();
        (network.ties.iter())
            .map(|t| {
                let [a, b] = t.ends.map(name);
                format!("{a}–{b} {} {}\n", t.kind(), t.weight())
            })
            .collect()
    }

    #[test]
    fn ties_people_named_in_one_sentence_and_never_places() {
        let corpus = corpus(
            "Ansari and Lavrov met in Moscow. Lavrov thanked Ansari. Putin runs Gazprom. Lone left",
            &[],
        );
        assert_eq!(
            render(&corpus),
            "Ansari–Lavrov co-mention 2\nPutin–Gazprom co-mention 1\n"
        );
    }

    #[test]
    fn ties_a_traveller_to_the_hosts_it_can_name() {
        let corpus = corpus(
            "Lavrov received Ansari",
            &[
                // "Vladimir Putin" is Putin's alias; "Someone" names no entity; the
                // traveller named as his own host joins nobody.
                ("Ansari", &["Vladimir Putin", "Someone", "Ansari", "Lavrov"]),
                ("Ansari", &["Lavrov"]),
                // A place joins nobody, and neither does a traveller with no entity.
                ("Moscow", &["Putin"]),
                ("Nobody", &["Putin"]),
            ],
        );
        assert_eq!(
            render(&corpus),
            "Ansari–Lavrov visit+co-mention 3\nAnsari–Putin visit 1\n"
        );
        let network = Network::build(&corpus, &FacetIndex::build(&corpus));
        assert_eq!(network.ties[0].visits, [0, 1]);
        assert_eq!(network.ties[0].sentences, [(0, 0)]);
        assert_eq!(network.nodes.len(), 3);
    }

    #[test]
    fn a_name_two_entities_share_joins_neither() {
        let mut corpus = corpus("Nothing here", &[("Ansari", &["Vladimir Putin"])]);
        assert_eq!(render(&corpus), "Ansari–Putin visit 1\n");
        for entity in corpus.entities.iter_mut() {
            if &*entity.name == "Lavrov" {
                entity.aliases.push("Vladimir Putin".into());
            }
        }
        assert_eq!(render(&corpus), "");
    }

    #[test]
    fn lays_out_the_same_network_the_same_way_with_ties_drawn_short() {
        let corpus = corpus(
            "Ansari met Lavrov. Ansari met Lavrov. Putin runs Gazprom. Lone saw Putin",
            &[],
        );
        let network = Network::build(&corpus, &FacetIndex::build(&corpus));
        let layout = network.layout();
        assert_eq!(layout, network.layout());
        assert_eq!(layout.len(), network.nodes.len());
        assert!(layout.iter().flatten().all(|v| (0.0..=1.0).contains(v)));
        let at = |name: &str| {
            let id = (corpus.entities.iter())
                .position(|e| &*e.name == name)
                .unwrap();
            layout[network.nodes.binary_search(&(id as EntityId)).unwrap()]
        };
        let distance = |a: [f32; 2], b: [f32; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
        // Tied nodes end nearer each other than untied ones.
        assert!(distance(at("Ansari"), at("Lavrov")) < distance(at("Ansari"), at("Putin")));
        assert!(distance(at("Putin"), at("Gazprom")) < distance(at("Lavrov"), at("Gazprom")));
    }

    #[test]
    fn keeps_the_strongest_nodes_and_the_ties_among_them() {
        let corpus = corpus(
            "Ansari met Lavrov. Ansari met Lavrov. Ansari met Putin. Putin runs Gazprom. Lone saw Lavrov",
            &[],
        );
        let network = Network::build(&corpus, &FacetIndex::build(&corpus));
        assert_eq!(network.strongest(5), network);
        // Ansari (3) and Lavrov (3) weigh most, then Putin (2): Gazprom and Lone go, and
        // with them their ties.
        let names = |n: &Network| -> Vec<String> {
            (n.nodes.iter())
                .map(|&e| corpus.entities[e as usize].name.to_string())
                .collect()
        };
        let three = network.strongest(3);
        assert_eq!(names(&three), ["Ansari", "Lavrov", "Putin"]);
        assert_eq!(three.ties.len(), 2);
        // A node with no tie left goes too.
        assert_eq!(names(&network.strongest(1)), [] as [String; 0]);
    }

    #[test]
    fn lays_out_nothing_and_one_pair() {
        assert!(Network::default().layout().is_empty());
        let corpus = corpus("Ansari met Lavrov", &[]);
        let network = Network::build(&corpus, &FacetIndex::build(&corpus));
        let layout = network.layout();
        assert_eq!(layout.len(), 2);
        assert_ne!(layout[0], layout[1]);
    }
}
