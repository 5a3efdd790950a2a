//! What a rule proposes: the [`Candidate`], and how one is built, a complete visit
//! (refused when negated, hypothetical, domestic or private) or a continuation.

use communique_core::{Span, VisitStatus};

use super::status::{recalled, status_at};
use crate::visits::context::{title_start, DocState, Person, Place, RefKind, Sentence};
use crate::visits::lexicon;
use crate::visits::timex::When;

/// A visit proposed by one rule on one sentence, or a continuation that adds to one.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The sentence that says it.
    pub evidence: Span,
    /// The rule that fired.
    pub rule: &'static str,
    /// Who travels (None for a continuation that names nobody).
    pub traveler: Option<Person>,
    /// Where to (None for a continuation).
    pub destination: Option<Place>,
    /// Hosts and counterparts met.
    pub hosts: Vec<Person>,
    /// Who invited the traveler.
    pub inviter: Option<String>,
    /// When, resolved against the publication date.
    pub when: Option<When>,
    /// Happened, planned or cancelled.
    pub status: VisitStatus,
    /// The stated purpose.
    pub purpose: Option<String>,
    /// A trip the sentence recalls in the present perfect ("has visited Y", "have made
    /// visits to Y"): an earlier one, whose date the publication does not give.
    pub recalled: bool,
}

impl Candidate {
    /// A candidate with both a traveler and a destination: a visit of its own.
    pub fn is_complete(&self) -> bool {
        self.traveler.is_some() && self.destination.is_some()
    }
}

/// Builds a complete candidate, or none when the trip is negated, hypothetical,
/// domestic, or its traveler leads nothing but a country.
pub(super) fn visit(
    s: &Sentence,
    st: &DocState,
    i: usize,
    rule: &'static str,
    traveler: Person,
    place: Place,
) -> Option<Candidate> {
    if traveler.country.is_some() && traveler.country == place.country {
        return None;
    }
    // A part of a country ("England", "Florida") is a destination only for someone known to
    // come from elsewhere: the word more often names a team, or a trip at home.
    if traveler.country.is_none() && lexicon::is_country_part(&place.name.to_lowercase()) {
        return None;
    }
    // A diplomatic visit is an official's: athletes, artists and tourists travel otherwise.
    if traveler.role.as_deref().is_some_and(|r| {
        r.to_lowercase()
            .split_whitespace()
            .any(|w| lexicon::PRIVATE_ROLES.contains(&w))
    }) {
        return None;
    }
    let status = status_at(s, i)?;
    // Counterparts of the destination's country named in the sentence.
    let hosts = s
        .refs
        .iter()
        .filter(|r| r.kind == RefKind::Person && !is_aside(s, r.first, r.last))
        .map(|r| st.person(s, r))
        .filter(|p| !p.same(&traveler) && p.country.is_some() && p.country == place.country)
        .filter(|p| {
            !p.role
                .as_deref()
                .is_some_and(|r| r.to_lowercase().contains("spokes"))
        })
        .fold(Vec::<Person>::new(), |mut acc, p| {
            if !acc.iter().any(|x| x.same(&p)) {
                acc.push(p);
            }
            acc
        });
    Some(Candidate {
        evidence: s.span,
        rule,
        traveler: Some(traveler),
        destination: Some(place),
        hosts,
        inviter: None,
        when: None,
        status,
        purpose: None,
        recalled: recalled(s, i),
    })
}

/// A person who only reports or owns something in the sentence ("X said",
/// "said X", "X's trip") rather than meeting the traveler.
fn is_aside(s: &Sentence, first: usize, last: usize) -> bool {
    const SPEECH: &[&str] = &[
        "said",
        "says",
        "told",
        "added",
        "noted",
        "stated",
        "announced",
        "stressed",
    ];
    // Those who come along with the traveler are not the hosts.
    const ALONG: &[&str] = &["accompanied", "accompanying", "joined"];
    s.tokens[last].possessive
        || s.is_any(last + 1, SPEECH)
        || s.is_any(title_start(s, first).wrapping_sub(1), ALONG)
        || s.is_any(title_start(s, first).wrapping_sub(1), SPEECH)
}

pub(super) fn continuation(
    s: &Sentence,
    rule: &'static str,
    traveler: Option<Person>,
) -> Candidate {
    Candidate {
        evidence: s.span,
        rule,
        traveler,
        destination: None,
        hosts: Vec::new(),
        inviter: None,
        when: None,
        status: VisitStatus::Happened,
        purpose: None,
        recalled: false,
    }
}
