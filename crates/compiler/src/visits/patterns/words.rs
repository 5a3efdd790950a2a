//! The word tables of the visit rules: the trigger words each rule is keyed on, and the
//! words that make a trip negated, hypothetical, planned or cancelled (trip nouns are
//! [`VISIT_NOUNS`](crate::visits::context::VISIT_NOUNS), which the context needs too).

/// "X visited Y".
pub(super) const VISIT_VERBS: &[&str] = &["visit", "visits", "visited", "visiting"];

/// "X arrived in Y", "landed in Y".
pub(super) const ARRIVE_VERBS: &[&str] = &[
    "arrive", "arrives", "arrived", "arriving", "land", "lands", "landed", "landing",
];

/// "X left A for B", "departed for Y".
pub(super) const LEAVE_VERBS: &[&str] = &[
    "left",
    "leave",
    "leaves",
    "leaving",
    "departed",
    "departs",
    "depart",
    "departing",
    "departure",
];

/// "X travelled/flew/went to Y", "headed for Y", "moved on to Y".
pub(super) const TRAVEL_VERBS: &[&str] = &[
    "travelled",
    "traveled",
    "travels",
    "travel",
    "travelling",
    "traveling",
    "flew",
    "flies",
    "fly",
    "flying",
    "headed",
    "heads",
    "heading",
    "went",
    "goes",
    "go",
    "going",
    "came",
    "comes",
    "come",
    "coming",
    "proceeded",
    "proceeds",
    "proceed",
    "proceeding",
    "moved",
    "moves",
    "move",
    "moving",
    "jet",
    "jets",
    "jetted",
    "jetting",
];

/// "returned from Y", "is returning from Y": the place left was the trip's destination.
pub(super) const RETURN_VERBS: &[&str] = &["returned", "returns", "return", "returning"];

/// "sent X to Y", "is sending X to Y": someone dispatching an envoy.
pub(super) const SEND_VERBS: &[&str] = &[
    "sent",
    "send",
    "sends",
    "sending",
    "dispatched",
    "dispatch",
    "dispatches",
    "dispatching",
];

/// "to attend the summit in Y": taking part in an event abroad.
pub(super) const ATTEND_VERBS: &[&str] = &["attend", "attended", "attending", "attends"];

/// "X met W in Y", "held talks in Y": a meeting, a visit only when X is foreign there.
pub(super) const MEET_WORDS: &[&str] = &[
    "met",
    "meet",
    "meets",
    "meeting",
    "meetings",
    "talks",
    "consultations",
    "negotiations",
];

/// "Y hosted X", "W received X", "X was welcomed by W".
pub(super) const HOST_VERBS: &[&str] = &[
    "hosted",
    "hosts",
    "host",
    "hosting",
    "received",
    "receives",
    "receive",
    "receiving",
    "welcomed",
    "welcomes",
    "welcome",
    "welcoming",
    "greeted",
    "greets",
    "greet",
];

/// Words that negate a trip: no visit.
pub(super) const NEGATIONS: &[&str] = &[
    "not", "never", "didn't", "doesn't", "don't", "won't", "hasn't", "haven't", "hadn't", "wasn't",
    "weren't", "isn't", "cannot", "can't", "no", "nor", "neither", "refused", "declined",
    "rejected",
];

/// Words that make a trip a mere possibility, wish or invitation: no visit.
pub(super) const HYPOTHETICALS: &[&str] = &[
    "could",
    "may",
    "might",
    "can",
    "should",
    "hope",
    "hopes",
    "hoped",
    "want",
    "wants",
    "wanted",
    "wish",
    "wishes",
    "eager",
    "keen",
    "longed",
    "longs",
    "yearned",
    "like",
    "if",
    "unless",
    "invited",
    "invites",
    "invite",
    "inviting",
    "urged",
    "asked",
    "offered",
    "proposed",
    "considering",
    "mulling",
    "possible",
    "possibility",
    "unlikely",
    "likely",
];

/// Words that make a trip planned ("will", "is set to", "upcoming").
pub(super) const FUTURE_MARKERS: &[&str] = &[
    "will",
    "shall",
    "would",
    "scheduled",
    "due",
    "expected",
    "plans",
    "planned",
    "planning",
    "intends",
    "upcoming",
    "forthcoming",
    "ahead",
    "set",
    "slated",
    "preparing",
    "prepares",
    "supposed",
];

/// Words that make a trip cancelled ("postponed", "called off").
pub(super) const CANCEL_MARKERS: &[&str] = &[
    "cancelled",
    "canceled",
    "cancels",
    "cancel",
    "cancelling",
    "canceling",
    "postponed",
    "postpones",
    "postpone",
    "postponing",
    "scrapped",
    "delayed",
    "delays",
    "delaying",
    "called",
    "shelved",
];

/// Adjectives that may stand between a possessive and a trip noun ("his second official visit").
pub(in crate::visits) const TRIP_MODIFIERS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "last",
    "latest",
    "recent",
    "official",
    "state",
    "working",
    "landmark",
    "historic",
    "brief",
    "short",
    "surprise",
    "maiden",
    "overseas",
    "foreign",
    "day-long",
    "upcoming",
    "forthcoming",
    "planned",
    "scheduled",
    "previous",
    "current",
    "ongoing",
    "two-day",
    "three-day",
    "four-day",
    "five-day",
    "one-day",
    "week-long",
    "unannounced",
    "rare",
    "high-profile",
    "important",
    "expected",
    "foreign",
];

/// Verbs that open a trip's purpose: "to discuss …", "to sign …".
pub(super) const PURPOSE_VERBS: &[&str] = &[
    "discuss",
    "hold",
    "attend",
    "meet",
    "sign",
    "exchange",
    "participate",
    "take",
    "negotiate",
    "review",
    "explore",
    "strengthen",
    "boost",
    "expand",
    "finalize",
    "finalise",
    "follow",
    "address",
    "open",
    "inaugurate",
    "confer",
];

/// Words of a time phrase that may stand between a travel verb and its place, besides
/// weekday names: "arrived Sunday in", "flew late on Tuesday to", "landed this morning in".
pub(super) const TIME_WORDS: &[&str] = &[
    "on",
    "late",
    "early",
    "this",
    "last",
    "morning",
    "afternoon",
    "evening",
    "night",
    "today",
    "yesterday",
    "tonight",
    "overnight",
    "midday",
];

/// "The tour will take him to Y": a trip (its noun before the verb) takes its traveler on.
pub(super) const TAKE_VERBS: &[&str] = &["take", "takes", "took", "taking"];

/// Nouns of a trip that takes someone somewhere.
pub(super) const TRIP_NOUNS: &[&str] =
    &["tour", "trip", "visit", "journey", "itinerary", "travels"];
