//! The network as the page's views draw it: the file the build writes beside them
//! (`views/network.txt`, by `build.rs`), and its reader, which the views run.
//!
//! The part of the network a page can show ([`Network::strongest`]) is laid out where the
//! corpus is compiled, so the browser only draws; and it is a file loaded with the views,
//! not part of the bundle, so the first load carries none of it.
//!
//! One record a line, fields separated by tabs (tabs and line breaks in names become spaces):
//! - `h nodes ties title`: the whole network's size, and the corpus title;
//! - `n entity id name kind articles x y`: a node, by its entity number and id, `kind` as
//!   [`GraphNode::kind`], `x` and `y` in `0..=1000`;
//! - `t a b visits sentences visit-ids documents`: a tie between the entity numbers `a` and
//!   `b`, the numbers of its visits in the corpus (separated by spaces), how many sentences
//!   name both, and [`GraphEdge`]'s `visit_ids` and `documents`.

use super::graph::{edge, node, GraphEdge, GraphNode};
use crate::network::Network;
use crate::Corpus;

/// A drawn node: its entity number and what the graph exports say of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DrawnNode {
    /// The entity's number in the corpus.
    pub entity: u32,
    /// Its id, name, kind, articles and place.
    pub node: GraphNode,
}

/// A drawn tie: its ends' entity numbers, its visits' numbers, and the export's edge.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DrawnTie {
    /// The ends' entity numbers.
    pub ends: [u32; 2],
    /// The numbers in the corpus of the visits that make it.
    pub visits: Vec<u32>,
    /// The export's edge.
    pub edge: GraphEdge,
}

/// The network file, read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawing {
    /// How many nodes and ties the whole network has (the file holds the strongest part).
    pub total: (usize, usize),
    /// The corpus title.
    pub title: String,
    /// The nodes drawn.
    pub nodes: Vec<DrawnNode>,
    /// The ties among them.
    pub ties: Vec<DrawnTie>,
}

/// The file of `part` (a part of `whole`, laid out by `layout`), for the views.
pub fn write(corpus: &Corpus, whole: &Network, part: &Network, layout: &[[f32; 2]]) -> String {
    let mut out = String::new();
    let mut line = |fields: &[&str]| super::tab_line(&mut out, fields);
    line(&[
        "h",
        &whole.nodes.len().to_string(),
        &whole.ties.len().to_string(),
        &corpus.meta.title,
    ]);
    for (&entity, &at) in part.nodes.iter().zip(layout) {
        let Some(node) = node(corpus, entity, at) else {
            continue;
        };
        line(&[
            "n",
            &entity.to_string(),
            &node.id,
            &node.name,
            &node.kind,
            &node.articles.to_string(),
            &node.x.to_string(),
            &node.y.to_string(),
        ]);
    }
    for tie in &part.ties {
        let Some(edge) = edge(corpus, tie) else {
            continue;
        };
        let visits: Vec<String> = tie.visits.iter().map(u32::to_string).collect();
        line(&[
            "t",
            &tie.ends[0].to_string(),
            &tie.ends[1].to_string(),
            &visits.join(" "),
            &edge.sentences.to_string(),
            &edge.visit_ids,
            &edge.documents,
        ]);
    }
    out
}

/// Reads the network file `text`; an error names the first line that is not a record of
/// the format (the file is the build's, so one means a damaged copy).
pub fn read(text: &str) -> Result<Drawing, String> {
    let mut drawing = Drawing::default();
    let mut names = std::collections::HashMap::new();
    for (number, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        let bad = || format!("line {}: not a record of the network: {line:?}", number + 1);
        let int = |field: &str| field.parse::<u32>().map_err(|_| bad());
        match fields[..] {
            ["h", nodes, ties, title] => {
                drawing.total = (int(nodes)? as usize, int(ties)? as usize);
                drawing.title = title.to_string();
            }
            ["n", entity, id, name, kind, articles, x, y] => {
                let float = |field: &str| field.parse::<f32>().map_err(|_| bad());
                let entity = int(entity)?;
                names.insert(entity, (id.to_string(), name.to_string()));
                drawing.nodes.push(DrawnNode {
                    entity,
                    node: GraphNode {
                        id: id.to_string(),
                        name: name.to_string(),
                        kind: kind.to_string(),
                        articles: int(articles)? as usize,
                        x: float(x)?,
                        y: float(y)?,
                    },
                });
            }
            ["t", a, b, visits, sentences, visit_ids, documents] => {
                let ends = [int(a)?, int(b)?];
                let [Some((source, source_name)), Some((target, target_name))] =
                    ends.map(|e| names.get(&e).cloned())
                else {
                    return Err(format!("{}: a tie to a node not listed before", bad()));
                };
                let visits = (visits.split(' ').filter(|v| !v.is_empty()))
                    .map(int)
                    .collect::<Result<Vec<u32>, String>>()?;
                let sentences = int(sentences)? as usize;
                let kind = match (visits.is_empty(), sentences == 0) {
                    (false, false) => "visit+co-mention",
                    (false, true) => "visit",
                    _ => "co-mention",
                };
                drawing.ties.push(DrawnTie {
                    ends,
                    edge: GraphEdge {
                        source,
                        target,
                        source_name,
                        target_name,
                        kind: kind.to_string(),
                        visits: visits.len(),
                        sentences,
                        visit_ids: visit_ids.to_string(),
                        documents: documents.to_string(),
                    },
                    visits,
                });
            }
            _ if line.is_empty() => {}
            _ => return Err(bad()),
        }
    }
    Ok(drawing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facet::test_corpus::CorpusBuilder;
    use crate::{EntityKind, FacetIndex};

    #[test]
    fn reads_back_what_it_writes() {
        let mut corpus = CorpusBuilder::default()
            .doc(
                "d/1",
                "2016-01-01",
                "",
                "Ansari met Lavrov\tJr. Putin saw Ansari",
            )
            .entity(EntityKind::Person, "Ansari", &[])
            .entity(EntityKind::Person, "Lavrov\tJr", &[])
            .entity(EntityKind::Organization, "Putin", &[])
            .visit("v1", "2016-01-01", "", &["d/1"])
            .build();
        corpus.meta.title = "Iran & Russia".into();
        corpus.visits[0].traveler_entity = Some(0);
        corpus.visits[0].hosts = vec!["Lavrov\tJr".into()];
        let whole = Network::build(&corpus, &FacetIndex::build(&corpus));
        let part = whole.strongest(2);
        let layout = part.layout();
        let text = write(&corpus, &whole, &part, &layout);
        let drawing = read(&text).unwrap();
        assert_eq!(drawing.total, (3, 2));
        assert_eq!(drawing.title, "Iran & Russia");
        let names: Vec<&str> = drawing.nodes.iter().map(|n| &*n.node.name).collect();
        // The tab in a name is a space in the file.
        assert_eq!(names, ["Ansari", "Lavrov Jr"]);
        assert_eq!(drawing.nodes[1].entity, 1);
        assert_eq!(drawing.ties.len(), 1);
        let tie = &drawing.ties[0];
        assert_eq!((tie.ends, &tie.visits[..]), ([0, 1], &[0][..]));
        // The edge is the one the graph exports write, but for the tab.
        let mut edge = super::edge(&corpus, &part.ties[0]).unwrap();
        edge.target_name = "Lavrov Jr".into();
        edge.target = edge.target.replace('\t', " ");
        assert_eq!(tie.edge, edge);
        assert_eq!(
            drawing.nodes[0].node.x,
            node(&corpus, 0, layout[0]).unwrap().x
        );
    }

    #[test]
    fn names_the_line_that_is_damaged() {
        assert_eq!(read("").unwrap(), Drawing::default());
        let err = read("h\t1\t0\tT\nn\t0\tid\tname\tperson\tmany\t1\t2\n").unwrap_err();
        assert!(err.starts_with("line 2: "), "{err}");
        let err = read("t\t0\t1\t\t1\tv\td\n").unwrap_err();
        assert!(err.contains("a tie to a node not listed before"), "{err}");
    }
}
