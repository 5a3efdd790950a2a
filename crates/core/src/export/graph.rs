//! The who-met-whom network (`network.rs`) for graph tools: GEXF 1.3 (Gephi), GraphML
//! (yEd, Cytoscape, NetworkX) and a CSV edge list.
//!
//! All three carry the same graph, undirected:
//! - a node per person or organisation with a tie: `id` (the entity id), `label`/`name`,
//!   `kind` (`person` or `organization`), `articles` (how many mention it), and its place in
//!   the compiler's layout, `x` and `y` in `0..=1000`, y downwards;
//! - an edge per tie: `source` and `target` (entity ids, the lower entity number first),
//!   `kind` (`visit`, `co-mention` or `visit+co-mention`), `weight` (`visits` +
//!   `sentences`), `visits` (visits on which one travelled and the other hosted),
//!   `sentences` (sentences naming both), `visit_ids` and `documents` (the visits' ids and
//!   the ids of the articles that evidence the tie, each list joined by `"; "`).
//!
//! The CSV's header is [`EDGE_FIELDS`]; its rows are RFC 4180, as the visits' CSV.

use super::{csv_row, doc_id, entity_docs};
use crate::network::{Network, Tie};
use crate::{Corpus, EntityId};

/// The CSV edge list's columns (Gephi reads `source`, `target` and `weight` by name).
pub const EDGE_FIELDS: [&str; 10] = [
    "source",
    "target",
    "source_name",
    "target_name",
    "kind",
    "weight",
    "visits",
    "sentences",
    "visit_ids",
    "documents",
];

/// What a graph export writes of one node.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphNode {
    /// The entity id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// `person` or `organization`.
    pub kind: String,
    /// How many articles mention it.
    pub articles: usize,
    /// Its place in the layout, in `0..=1000`: across,
    pub x: f32,
    /// and down.
    pub y: f32,
}

/// What a graph export writes of one edge.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphEdge {
    /// The entity id of the end with the lower entity number,
    pub source: String,
    /// and of the other.
    pub target: String,
    /// The source's name,
    pub source_name: String,
    /// and the target's.
    pub target_name: String,
    /// `visit`, `co-mention` or `visit+co-mention`.
    pub kind: String,
    /// Visits on which one travelled and the other hosted.
    pub visits: usize,
    /// Sentences naming both.
    pub sentences: usize,
    /// The visits' ids, joined by `"; "`.
    pub visit_ids: String,
    /// The ids of the articles that evidence the tie, joined by `"; "`.
    pub documents: String,
}

impl GraphEdge {
    /// The edge's weight: its visits and sentences.
    pub fn weight(&self) -> usize {
        self.visits + self.sentences
    }
}

/// The node of `entity`, placed at `at` (a point of [`Network::layout`]).
pub fn node(corpus: &Corpus, entity: EntityId, [x, y]: [f32; 2]) -> Option<GraphNode> {
    let entity = corpus.entities.get(entity as usize)?;
    Some(GraphNode {
        id: entity.id.to_string(),
        name: entity.name.to_string(),
        kind: entity.kind.as_str().to_string(),
        articles: entity_docs(entity).len(),
        x: (x * 10_000.0).round() / 10.0,
        y: (y * 10_000.0).round() / 10.0,
    })
}

/// The edge of `tie`, with its evidence.
pub fn edge(corpus: &Corpus, tie: &Tie) -> Option<GraphEdge> {
    let [source, target] = tie.ends.map(|e| corpus.entities.get(e as usize));
    let (source, target) = (source?, target?);
    let visits: Vec<_> = (tie.visits.iter())
        .filter_map(|&v| corpus.visits.get(v as usize))
        .collect();
    let mut docs: Vec<u32> = (visits.iter())
        .flat_map(|v| v.evidence.iter().map(|e| e.source.doc))
        .chain(tie.sentences.iter().map(|&(doc, _)| doc))
        .collect();
    crate::sort::sort(&mut docs);
    docs.dedup();
    let documents: Vec<&str> = docs.into_iter().map(|d| doc_id(corpus, d)).collect();
    let visit_ids: Vec<&str> = visits.iter().map(|v| v.id.as_str()).collect();
    Some(GraphEdge {
        source: source.id.to_string(),
        target: target.id.to_string(),
        source_name: source.name.to_string(),
        target_name: target.name.to_string(),
        kind: tie.kind().to_string(),
        visits: tie.visits.len(),
        sentences: tie.sentences.len(),
        visit_ids: visit_ids.join("; "),
        documents: documents.join("; "),
    })
}

/// The nodes of `network` placed by `layout` (one point per node, as [`Network::layout`]
/// gives, or none: every node at 0, 0), and its edges, in the network's order.
pub fn records(
    corpus: &Corpus,
    network: &Network,
    layout: Option<&[[f32; 2]]>,
) -> (Vec<GraphNode>, Vec<GraphEdge>) {
    let nodes = (network.nodes.iter().enumerate())
        .filter_map(|(i, &entity)| {
            let at = layout.and_then(|l| l.get(i).copied()).unwrap_or_default();
            node(corpus, entity, at)
        })
        .collect();
    let edges = network
        .ties
        .iter()
        .filter_map(|t| edge(corpus, t))
        .collect();
    (nodes, edges)
}

/// The network's ties as a CSV edge list with a header row.
pub fn edges_csv(corpus: &Corpus, network: &Network) -> String {
    write_edges_csv(&records(corpus, network, None).1)
}

/// The network as GEXF 1.3, with the layout as `viz:position`s.
pub fn gexf(corpus: &Corpus, network: &Network, layout: &[[f32; 2]]) -> String {
    let (nodes, edges) = records(corpus, network, Some(layout));
    write_gexf(&corpus.meta.title, &nodes, &edges)
}

/// The network as GraphML, with the layout as the nodes' `x` and `y`.
pub fn graphml(corpus: &Corpus, network: &Network, layout: &[[f32; 2]]) -> String {
    let (nodes, edges) = records(corpus, network, Some(layout));
    write_graphml(&nodes, &edges)
}

/// `edges` as a CSV edge list with a header row.
pub fn write_edges_csv(edges: &[GraphEdge]) -> String {
    let mut out = String::new();
    csv_row(&mut out, EDGE_FIELDS.map(String::from));
    for edge in edges {
        csv_row(
            &mut out,
            [
                edge.source.clone(),
                edge.target.clone(),
                edge.source_name.clone(),
                edge.target_name.clone(),
                edge.kind.clone(),
                edge.weight().to_string(),
                edge.visits.to_string(),
                edge.sentences.to_string(),
                edge.visit_ids.clone(),
                edge.documents.clone(),
            ],
        );
    }
    out
}

/// `nodes` and `edges` as GEXF 1.3, described as the network of the corpus `title`.
pub fn write_gexf(title: &str, nodes: &[GraphNode], edges: &[GraphEdge]) -> String {
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" ",
        "version=\"1.3\">\n",
        "  <meta>\n    <creator>Communiqué</creator>\n",
    ));
    out += &format!(
        "    <description>Who met whom: {}</description>\n  </meta>\n",
        xml(title)
    );
    out += concat!(
        "  <graph defaultedgetype=\"undirected\" mode=\"static\">\n",
        "    <attributes class=\"node\">\n",
        "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n",
        "      <attribute id=\"articles\" title=\"articles\" type=\"integer\"/>\n",
        "    </attributes>\n",
        "    <attributes class=\"edge\">\n",
        "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n",
        "      <attribute id=\"visits\" title=\"visits\" type=\"integer\"/>\n",
        "      <attribute id=\"sentences\" title=\"sentences\" type=\"integer\"/>\n",
        "      <attribute id=\"visit_ids\" title=\"visit_ids\" type=\"string\"/>\n",
        "      <attribute id=\"documents\" title=\"documents\" type=\"string\"/>\n",
        "    </attributes>\n",
        "    <nodes>\n",
    );
    for node in nodes {
        out += &format!(
            concat!(
                "      <node id=\"{}\" label=\"{}\">\n        <attvalues>\n",
                "          <attvalue for=\"kind\" value=\"{}\"/>\n",
                "          <attvalue for=\"articles\" value=\"{}\"/>\n",
                "        </attvalues>\n",
                "        <viz:position x=\"{}\" y=\"{}\" z=\"0\"/>\n      </node>\n"
            ),
            xml(&node.id),
            xml(&node.name),
            xml(&node.kind),
            node.articles,
            node.x,
            // Gephi's y axis points up.
            -node.y,
        );
    }
    out += "    </nodes>\n    <edges>\n";
    for (number, edge) in edges.iter().enumerate() {
        out += &format!(
            concat!(
                "      <edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{}\" ",
                "label=\"{}\">\n        <attvalues>\n",
                "          <attvalue for=\"kind\" value=\"{}\"/>\n",
                "          <attvalue for=\"visits\" value=\"{}\"/>\n",
                "          <attvalue for=\"sentences\" value=\"{}\"/>\n",
                "          <attvalue for=\"visit_ids\" value=\"{}\"/>\n",
                "          <attvalue for=\"documents\" value=\"{}\"/>\n",
                "        </attvalues>\n      </edge>\n"
            ),
            number,
            xml(&edge.source),
            xml(&edge.target),
            edge.weight(),
            xml(&edge.kind),
            xml(&edge.kind),
            edge.visits,
            edge.sentences,
            xml(&edge.visit_ids),
            xml(&edge.documents),
        );
    }
    out += "    </edges>\n  </graph>\n</gexf>\n";
    out
}

/// `nodes` and `edges` as GraphML, with the layout as the nodes' `x` and `y`.
pub fn write_graphml(nodes: &[GraphNode], edges: &[GraphEdge]) -> String {
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
        "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n",
        "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        "  <key id=\"articles\" for=\"node\" attr.name=\"articles\" attr.type=\"int\"/>\n",
        "  <key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n",
        "  <key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n",
        "  <key id=\"tie\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n",
        "  <key id=\"visits\" for=\"edge\" attr.name=\"visits\" attr.type=\"int\"/>\n",
        "  <key id=\"sentences\" for=\"edge\" attr.name=\"sentences\" attr.type=\"int\"/>\n",
        "  <key id=\"visit_ids\" for=\"edge\" attr.name=\"visit_ids\" attr.type=\"string\"/>\n",
        "  <key id=\"documents\" for=\"edge\" attr.name=\"documents\" attr.type=\"string\"/>\n",
        "  <graph id=\"who-met-whom\" edgedefault=\"undirected\">\n",
    ));
    for node in nodes {
        out += &format!(
            concat!(
                "    <node id=\"{}\">\n",
                "      <data key=\"name\">{}</data>\n",
                "      <data key=\"kind\">{}</data>\n",
                "      <data key=\"articles\">{}</data>\n",
                "      <data key=\"x\">{}</data>\n",
                "      <data key=\"y\">{}</data>\n",
                "    </node>\n"
            ),
            xml(&node.id),
            xml(&node.name),
            xml(&node.kind),
            node.articles,
            node.x,
            node.y,
        );
    }
    for edge in edges {
        out += &format!(
            concat!(
                "    <edge source=\"{}\" target=\"{}\">\n",
                "      <data key=\"tie\">{}</data>\n",
                "      <data key=\"weight\">{}</data>\n",
                "      <data key=\"visits\">{}</data>\n",
                "      <data key=\"sentences\">{}</data>\n",
                "      <data key=\"visit_ids\">{}</data>\n",
                "      <data key=\"documents\">{}</data>\n",
                "    </edge>\n"
            ),
            xml(&edge.source),
            xml(&edge.target),
            xml(&edge.kind),
            edge.weight(),
            edge.visits,
            edge.sentences,
            xml(&edge.visit_ids),
            xml(&edge.documents),
        );
    }
    out += "  </graph>\n</graphml>\n";
    out
}

/// `text` escaped for XML text and attribute values, without the control characters
/// XML 1.0 cannot carry at all.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facet::test_corpus::CorpusBuilder;
    use crate::{EntityKind, FacetIndex};

    fn corpus() -> Corpus {
        let mut corpus = CorpusBuilder::default()
            .doc(
                "d/1",
                "2016-01-01",
                "",
                "Ansari met \"Lavrov\" <Jr>. Lavrov left",
            )
            .doc("d/2", "2016-01-02", "", "Ansari met \"Lavrov\" <Jr> again")
            .entity(EntityKind::Person, "Ansari", &[])
            .entity(EntityKind::Person, "\"Lavrov\" <Jr>", &[])
            .visit("v1", "2016-01-01", "", &["d/2"])
            .build();
        corpus.meta.title = "Iran & Russia".into();
        corpus.visits[0].traveler_entity = Some(0);
        corpus.visits[0].hosts = vec!["\"Lavrov\" <Jr>".into()];
        corpus
    }

    #[test]
    fn lists_each_tie_with_its_evidence_as_csv() {
        let corpus = corpus();
        let network = Network::build(&corpus, &FacetIndex::build(&corpus));
        assert_eq!(
            edges_csv(&corpus, &network),
            concat!(
                "source,target,source_name,target_name,kind,weight,visits,sentences,",
                "visit_ids,documents\r\n",
                "person/ansari,\"person/\"\"lavrov\"\"-<jr>\",Ansari,\"\"\"Lavrov\"\" <Jr>\",",
                "visit+co-mention,3,1,2,v1,d/1; d/2\r\n"
            )
        );
    }

    #[test]
    fn writes_well_formed_gexf_and_graphml_of_the_same_graph() {
        let corpus = corpus();
        let network = Network::build(&corpus, &FacetIndex::build(&corpus));
        let layout = network.layout();
        let gexf = gexf(&corpus, &network, &layout);
        let graphml = graphml(&corpus, &network, &layout);
        for text in [&gexf, &graphml] {
            assert_eq!(text.matches("<node ").count(), 2, "{text}");
            assert_eq!(text.matches("<edge ").count(), 1, "{text}");
            assert!(text.contains("&quot;Lavrov&quot; &lt;Jr&gt;"), "{text}");
            assert!(!text.contains("\"Lavrov\""), "{text}");
            assert!(!text.contains("<Jr"), "{text}");
            assert!(
                text.contains(">d/1; d/2<") || text.contains("\"d/1; d/2\""),
                "{text}"
            );
            balanced(text);
        }
        assert!(gexf.contains("<description>Who met whom: Iran &amp; Russia</description>"));
        assert!(gexf.contains("weight=\"3\" label=\"visit+co-mention\""));
        assert!(graphml.contains("<data key=\"tie\">visit+co-mention</data>"));
        // The two nodes are laid out apart, within the documented range.
        let xs: Vec<f32> = (graphml.match_indices("<data key=\"x\">"))
            .map(|(at, tag)| {
                let rest = &graphml[at + tag.len()..];
                rest[..rest.find('<').unwrap()].parse().unwrap()
            })
            .collect();
        assert_eq!(xs.len(), 2);
        assert!(xs.iter().all(|x| (0.0..=1000.0).contains(x)));
    }

    /// Checks that every element opened is closed in order (a small well-formedness check:
    /// tags, not a full XML parser).
    fn balanced(text: &str) {
        let mut open: Vec<&str> = Vec::new();
        let mut rest = text;
        while let Some(at) = rest.find('<') {
            rest = &rest[at + 1..];
            let end = rest.find('>').expect("a tag ends");
            let tag = &rest[..end];
            rest = &rest[end + 1..];
            if tag.starts_with('?') || tag.ends_with('/') {
                continue;
            }
            let name = tag.split_whitespace().next().unwrap_or_default();
            match name.strip_prefix('/') {
                Some(closed) => assert_eq!(open.pop(), Some(closed), "{text}"),
                None => open.push(name),
            }
        }
        assert!(open.is_empty(), "{text}");
    }
}
