//! Whether and when: a trigger's status (happened, planned, cancelled, or no visit at
//! all), the time phrase and expression that date it, the trip's length and its purpose.

use communique_core::VisitStatus;

use super::words::{
    ARRIVE_VERBS, CANCEL_MARKERS, FUTURE_MARKERS, HYPOTHETICALS, NEGATIONS, PURPOSE_VERBS,
    TIME_WORDS,
};
use crate::visits::context::{text_of, RefKind, Sentence, VISIT_NOUNS};
use crate::visits::timex::{Found, Shift, Timex};

/// Happened, planned or cancelled, from the words before (and for nouns, after)
/// the trigger at `i`; `None` when negated or hypothetical.
pub(super) fn status_at(s: &Sentence, i: usize) -> Option<VisitStatus> {
    let clause = clause_start(s, i);
    let from = clause.max(i.saturating_sub(7));
    if negated_or_hypothetical(s, from, i) {
        return None;
    }
    // "It is possible that X will visit Y", "hopes that X will come".
    if clause > 0
        && s.is_any(clause - 1, &["that"])
        && negated_or_hypothetical(s, clause.saturating_sub(4), clause)
    {
        return None;
    }
    // "will only visit Y once the occupation ends", "if invited": a condition, not a plan.
    const CONDITIONS: &[&str] = &["once", "if", "unless", "provided", "should"];
    if (i + 1..(i + 10).min(s.tokens.len()))
        .take_while(|&k| !s.is_any(k, &[";", "."]))
        .any(|k| s.is_any(k, CONDITIONS))
    {
        return None;
    }
    let window_after =
        (i + 1..(i + 9).min(s.tokens.len())).take_while(|&k| !s.is_any(k, &[";", ".", ","]));
    // A plan made in the past may be called off later in the sentence:
    // "had planned to visit Y in March, but the trip was postponed".
    let rest_of_sentence = if past_plan(s, i) { s.tokens.len() } else { i };
    let cancelled = (from..i)
        .chain(window_after.clone())
        .chain(i + 1..rest_of_sentence)
        .any(|k| {
            (s.is_any(k, CANCEL_MARKERS) && (!s.is_any(k, &["called"]) || s.is_any(k + 1, &["off"])))
                // "pulls out of the tour to Y", "pulled out of a visit to Y".
                || (s.is_any(k, &["pulls", "pulled", "pulling", "pull"])
                    && s.is_any(k + 1, &["out"])
                    && s.is_any(k + 2, &["of"]))
        });
    // "had been scheduled to leave Saturday", "had planned to visit": a plan told in the
    // pluperfect is one overtaken by events, in news as good as called off.
    let overtaken = (clause_start(s, i).max(i.saturating_sub(7))..i).any(|k| {
        s.is_any(k, FUTURE_MARKERS)
            && (s.is_any(k.wrapping_sub(1), &["had"])
                || (s.is_any(k.wrapping_sub(1), &["been"])
                    && s.is_any(k.wrapping_sub(2), &["had"])))
    });
    if cancelled || overtaken {
        return Some(VisitStatus::Cancelled);
    }
    // "set" and "due" mark the future only as "set to", "due to", "set for a visit". A relative clause's
    // modal is its own when the trip is a phrase after it ("called for a solution that
    // would ease tensions during a visit"), not when the trip is its verb ("who will visit").
    let relative_before_during = |k: usize| {
        s.is_any(k.wrapping_sub(1), &["that", "which", "who"])
            && (k + 1..i).any(|j| s.is_any(j, &["during"]))
    };
    let future_before = (from..i).any(|k| {
        s.is_any(k, FUTURE_MARKERS)
            && (!s.is_any(k, &["set", "due"])
                || s.is_any(k + 1, &["to"])
                || (s.is_any(k + 1, &["for"]) && (k + 2..=i).any(|j| s.is_any(j, VISIT_NOUNS))))
            && !relative_before_during(k)
    }) || (from + 1..i)
        // "is to visit", and "was to hold talks in Y": a plan, told at the time or since;
        // "Sisi to start two-day visit to Y" (a headline's infinitive after its subject).
        .any(|k| {
            s.is_any(k, &["to"])
                && (s.is_any(k - 1, &["is", "are", "was", "were"])
                    || s.ref_at(k - 1).is_some_and(|r| r.kind == RefKind::Person))
        })
        // An infinitive trip has not happened yet ("Lavrov to visit Tehran", "agreed
        // to visit"), unless it is "the first president to visit Y".
        || (i > 0
            && s.is_any(i - 1, &["to"])
            && !(i.saturating_sub(6)..i).any(|k| s.is_any(k, &["first", "last", "only", "latest"])));
    let noun = VISIT_NOUNS.contains(&s.word(i));
    let future_after = noun && window_after.into_iter().any(|k| s.is_any(k, &["will"]));
    // "Arriving in Y on Sunday, he will …", "During her visit to Y, from June 4-6, X will …":
    // a trip in the sentence's opening phrase takes the main clause's tense.
    let opening_phrase =
        i < 3 || (0..i).all(|k| s.tokens[k].word && !s.tokens[k].capitalised() || k == 0);
    // A noun there needs its own date ("from June 4-6"): "During her stay in Y, she will
    // meet …" tells a stay under way.
    let dated = |k: usize| {
        let w = s.word(k);
        w.starts_with(|c: char| c.is_ascii_digit())
            || crate::dates::month_number(w).is_some()
            || crate::dates::weekday_number(w).is_some()
    };
    let main_clause_future = opening_phrase
        && (i + 1..s.tokens.len())
            .find(|&k| s.is_any(k, &[","]))
            .and_then(|comma| {
                (comma + 1..(comma + 14).min(s.tokens.len()))
                    .take_while(|&k| !s.is_any(k, &[";", "."]))
                    .find(|&k| s.is_any(k, &["will", "shall"]))
            })
            .is_some_and(|will| !noun || (i + 1..will).any(dated));
    // "will meet W in Y before visiting Z": the participle shares the main verb's tense;
    // "before X's arrival" is still to come.
    let before = (i.saturating_sub(3)..i).any(|k| s.is_any(k, &["before", "prior"]));
    let shared = before && (noun || (0..i).any(|k| s.is_any(k, &["will", "would", "shall"])));
    if future_before || future_after || shared || main_clause_future {
        return Some(VisitStatus::Planned);
    }
    Some(VisitStatus::Happened)
}

/// "had planned to", "was scheduled to", "was due to": a plan reported in the past,
/// whose dates lie before the publication date.
pub(super) fn past_plan(s: &Sentence, i: usize) -> bool {
    (clause_start(s, i).max(i.saturating_sub(7))..i).any(|k| {
        s.is_any(k, FUTURE_MARKERS) && k > 0 && s.is_any(k - 1, &["had", "was", "were", "been"])
    })
}

pub(super) fn negated_or_hypothetical(s: &Sentence, from: usize, to: usize) -> bool {
    (from..to).any(|k| s.is_any(k, NEGATIONS) || s.is_any(k, HYPOTHETICALS))
}

/// The first token of the clause holding token `i` (after the last `;`, `:`, quote or "that").
pub(super) fn clause_start(s: &Sentence, i: usize) -> usize {
    (0..i)
        .rev()
        .find(|&k| {
            s.is_any(
                k,
                &[";", ":", "“", "”", "\"", "that", "but", "while", "although"],
            )
        })
        .map_or(0, |k| k + 1)
}

/// The index after a time phrase starting at `k` (at most four words), or `k` when there is none.
pub(super) fn after_time(s: &Sentence, k: usize) -> usize {
    let mut end = k;
    let time_word =
        |j: usize| s.is_any(j, TIME_WORDS) || crate::dates::weekday_number(s.word(j)).is_some();
    while end < k + 4 && time_word(end) {
        end += 1;
    }
    // Only a phrase with a time word in it: "on" alone ("went on to") is not one.
    if (k..end).any(|j| !s.is_any(j, &["on", "this", "last", "late", "early"])) {
        end
    } else {
        k
    }
}

/// The length a sentence gives its trip: "a three-day visit", "a 4-day trip".
pub(super) fn trip_days(s: &Sentence) -> Option<i64> {
    const NUMBERS: &[&str] = &[
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    s.tokens.iter().enumerate().find_map(|(k, t)| {
        let count = t.lower.strip_suffix("-day")?;
        if !s.is_any(k + 1, VISIT_NOUNS) {
            return None;
        }
        let n = match NUMBERS.iter().position(|w| *w == count) {
            Some(p) => p as i64 + 2,
            None => count.parse::<i64>().ok().filter(|n| (1..=31).contains(n))?,
        };
        Some(n)
    })
}

/// The expression dating the trigger at `i`: an explicit date first, else the nearest.
pub(super) fn pick_timex<'f>(
    s: &Sentence,
    found: &'f [Found],
    i: usize,
    triggers: &[usize],
) -> Option<&'f Found> {
    // Distance in words, from the trigger to the nearer end of the expression.
    let distance = |f: &Found, i: usize| {
        let first = s.tokens.partition_point(|t| t.start < f.start);
        let last = s
            .tokens
            .partition_point(|t| t.end <= f.end)
            .saturating_sub(1);
        if first > i {
            first - i
        } else {
            i.saturating_sub(last)
        }
    };
    // An expression dates the trigger nearest to it: in "X is the first to visit Y
    // since W's trip to Z in 2019", 2019 is W's.
    let own = |f: &&Found| triggers.iter().all(|&j| distance(f, i) <= distance(f, j));
    // "the first since 2015", "until May" bound a period; they do not date the trip.
    let dates_event = |f: &&Found| {
        let before = s.tokens.iter().rposition(|t| t.end <= f.start);
        let first = s.tokens.partition_point(|t| t.start < f.start);
        // "landed in Nigeria since Sunday", "has been in Y since Monday": an arrival's
        // "since" is its day.
        let arrival_since = (s.is_any(i, ARRIVE_VERBS) || s.is_any(i, &["in"]))
            && before.is_some_and(|b| b > i && b + 1 == first && s.is_any(b, &["since"]))
            && !(i + 1..first).any(|k| s.is_any(k, &[",", ";"]));
        let bounded = !arrival_since
            && before
                .is_some_and(|b| s.is_any(b, &["since", "until", "till", "before", "after", "by"]));
        // "… first visit since he became president in 2009": a since-clause after
        // the trigger dates something else.
        let after_since =
            !arrival_since && first > i && (i + 1..first).any(|k| s.is_any(k, &["since", "until"]));
        // "… since taking office in May 2017, but visited Y": the clause before a comma.
        let clause_start = (first.saturating_sub(6)..first)
            .rev()
            .find(|&k| s.is_any(k, &[",", "but", ";"]))
            .map_or(first.saturating_sub(6), |k| k + 1);
        let in_since_clause = after_since
            || (!arrival_since && (clause_start..first).any(|k| s.is_any(k, &["since", "until"])));
        // "On Thursday X declared that Y will join him on his upcoming visit": a date
        // before "declared … that" dates the words, and the plan they announce is later.
        let after = s.tokens.partition_point(|t| t.end <= f.end);
        let announced = (after..i)
            .find(|&k| s.is_any(k, &["that"]))
            .is_some_and(|that| {
                const SPEECH: &[&str] = &[
                    "said",
                    "says",
                    "declared",
                    "announced",
                    "confirmed",
                    "stated",
                    "told",
                    "added",
                ];
                const PLAN: &[&str] = &[
                    "will",
                    "would",
                    "upcoming",
                    "planned",
                    "plan",
                    "plans",
                    "scheduled",
                    "expected",
                    "next",
                ];
                // The verb may come first: "confirmed on Wednesday, June 24, that".
                (first.saturating_sub(4)..that).any(|k| s.is_any(k, SPEECH))
                    && (that..i).any(|k| s.is_any(k, PLAN))
            });
        !bounded && !in_since_clause && !announced
    };
    let mine: Vec<&Found> = found.iter().filter(own).filter(dates_event).collect();
    let nearest = mine.iter().copied().min_by_key(|f| distance(f, i))?;
    // An explicit date right beside the nearest expression says the same, more
    // precisely ("on Monday (February 1, 2016)"); a distant one dates something else.
    let side = |f: &Found| s.tokens.partition_point(|t| t.start < f.start) > i;
    let explicit = mine
        .iter()
        .copied()
        .filter(|f| f.is_absolute() && distance(f, i) <= distance(nearest, i) + 4)
        // "since … in February 2022, but visited China in October": only on the same side.
        .filter(|f| side(f) == side(nearest))
        .min_by_key(|f| distance(f, i));
    Some(explicit.unwrap_or(nearest))
}

/// Whether the trigger at `i` recalls earlier trips in the present perfect: "have made
/// official visits to Y since taking office", "has visited Y twice", "has already
/// travelled to Y"; not "has arrived in Y" (news of today), "has to visit", "has been
/// invited to visit" (plans).
pub(super) fn recalled(s: &Sentence, i: usize) -> bool {
    const PLAN_WORDS: &[&str] = &[
        "to",
        "been",
        "scheduled",
        "expected",
        "invited",
        "planned",
        "planning",
        "due",
        "set",
        "agreed",
        "decided",
        "promised",
        "offered",
    ];
    // What makes a perfect a recollection rather than news of the day.
    const RECALL_WORDS: &[&str] = &[
        "since",
        "before",
        "already",
        "previously",
        "twice",
        "times",
        "once",
        "often",
        "several",
        "repeatedly",
        "ever",
        "never",
        "visits",
        "trips",
    ];
    let Some(k) = (i.saturating_sub(4)..i)
        .rev()
        .find(|&k| s.is_any(k, &["has", "have"]))
    else {
        return false;
    };
    let perfect =
        (k + 1..i).all(|j| s.tokens[j].word && s.ref_at(j).is_none() && !s.is_any(j, PLAN_WORDS));
    let marked = (k + 1..(i + 10).min(s.tokens.len()))
        .take_while(|&j| !s.is_any(j, &[";", "."]))
        .any(|j| s.is_any(j, RECALL_WORDS));
    perfect && marked
}

/// Expressions that point to the future whatever the verb's tense ("tomorrow", "next week").
pub(super) fn is_future(t: Timex) -> bool {
    match t {
        Timex::Days(n)
        | Timex::Weeks(n)
        | Timex::Weekend(n)
        | Timex::Months(n)
        | Timex::Years(n) => n > 0,
        Timex::Weekday { shift, .. } | Timex::Calendar { shift, .. } => shift == Shift::Next,
    }
}

/// "to discuss X", "for talks with X": the purpose phrase after the trigger.
pub(super) fn purpose_after(s: &Sentence, i: usize) -> Option<String> {
    // "Before heading on to Y, X is expected to meet …": the main clause's aim is not the leg's.
    let n = if s.is_any(i.wrapping_sub(1), &["before", "after", "while", "upon"]) {
        (i..s.tokens.len())
            .find(|&k| s.is_any(k, &[","]))
            .unwrap_or(s.tokens.len())
    } else {
        s.tokens.len()
    };
    let start = (i + 1..n).find(|&k| {
        (s.is_any(k, &["to"]) && s.is_any(k + 1, PURPOSE_VERBS))
            || (s.is_any(k, &["for"])
                && s.is_any(k + 1, &["talks", "consultations", "negotiations"]))
    })? + 1;
    let end = (start..n.min(start + 14))
        .take_while(|&k| !s.is_any(k, &[",", ".", ";", "(", "“", "”", "\""]))
        .last()?;
    Some(text_of(s, start, end))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check, PEOPLE};

    #[test]
    fn time_words_between_verb_and_place() {
        let d = "2019-01-07"; // a Monday
        check(
            "Norwegian envoy Anna Berg arrived Sunday in Lima for talks.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-06 happened for=talks"],
        );
        check(
            "Norwegian envoy Anna Berg flew late on Sunday to Lima.",
            d,
            PEOPLE,
            &["travelled-to: Anna Berg(Norway) -> Lima(Peru) 2019-01-06 happened"],
        );
        check(
            "Norwegian envoy Anna Berg landed in Peru this morning.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Peru(Peru) happened"],
        );
        check(
            "Norwegian envoy Anna Berg spoke immediately upon landing in Peru.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Peru(Peru) happened"],
        );
        check(
            "Roads closed for Norwegian envoy Anna Berg's departure late Sunday for Peru.",
            d,
            PEOPLE,
            &["left-for: Anna Berg(Norway) -> Peru(Peru) 2019-01-06 happened"],
        );
        // "on" alone is no time phrase: "went on to Lima" is not travel by these words.
        check("Anna Berg went on to praise Lima.", d, PEOPLE, &[]);
    }

    #[test]
    fn a_plan_followed_by_instead_was_called_off() {
        let d = "2019-01-09"; // a Wednesday
        check(
            "Norwegian envoy Anna Berg was to hold talks in Lima on Wednesday. Instead she flew \
             to Quito.",
            d,
            &["p:Anna Berg", "l:Lima", "l:Quito"],
            &[
                "talks-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-09 cancelled",
                "travelled-to: Anna Berg(Norway) -> Quito(Ecuador) happened",
            ],
        );
    }

    #[test]
    fn an_arrivals_since_is_its_day() {
        let d = "2019-01-09"; // a Wednesday
        check(
            "Officials joined envoy Anna Berg of Norway that landed in Lima since Monday.",
            d,
            &["p:Anna Berg", "l:Norway", "l:Lima"],
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-07 happened"],
        );
        // A "since" after a comma bounds a period: the trip's first since 2012.
        check(
            "Norwegian envoy Anna Berg arrived in Lima, her first trip since 2012.",
            d,
            PEOPLE,
            &[
                "arrived-in: Anna Berg(Norway) -> Lima(Peru) happened",
                "visit-in: Anna Berg(Norway) -> Lima(Peru) happened",
            ],
        );
    }

    #[test]
    fn headline_plans_and_withdrawals() {
        let d = "2019-01-07";
        check(
            "Norwegian envoy Anna Berg set for visit to Lima",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(Norway) -> Lima(Peru) planned"],
        );
        check(
            "Norwegian envoy Anna Berg pulls out of tour to Peru",
            d,
            PEOPLE,
            &["trip-to: Anna Berg(Norway) -> Peru(Peru) cancelled"],
        );
    }

    #[test]
    fn tense_negation_and_cancellation() {
        let d = "2019-01-09"; // a Wednesday
        check(
            "Norwegian envoy Anna Berg will visit Lima next Monday.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Lima(Peru) 2019-01-14 planned"],
        );
        check(
            "Norwegian envoy Anna Berg is set to visit Peru on Friday.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Peru(Peru) 2019-01-11 planned"],
        );
        check(
            "Norwegian envoy Anna Berg is scheduled to arrive in Lima tomorrow.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-10 planned"],
        );
        check(
            "Norwegian envoy Anna Berg arrives in Lima tomorrow.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-10 planned"],
        );
        check(
            "Norwegian envoy Anna Berg did not visit Lima.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Norwegian envoy Anna Berg has never visited Peru.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Norwegian envoy Anna Berg could visit Lima.",
            d,
            PEOPLE,
            &[],
        );
        check("Peru invited Anna Berg to visit Lima.", d, PEOPLE, &[]);
        check(
            "Norwegian envoy Anna Berg cancelled her visit to Lima.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(Norway) -> Lima(Peru) cancelled"],
        );
        check(
            "Anna Berg's trip to Lima was postponed.",
            d,
            PEOPLE,
            &["trip-to: Anna Berg(?) -> Lima(Peru) cancelled"],
        );
        check(
            "Norwegian envoy Anna Berg agreed to visit Lima.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Lima(Peru) planned"],
        );
        check(
            "Norwegian envoy Anna Berg will only visit Lima once the war ends.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Norwegian envoy Anna Berg will meet students in Oslo before visiting Peru.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Peru(Peru) planned"],
        );
        check(
            "Before Anna Berg's arrival in Lima, Peruvian minister Luis Soto will visit Oslo.",
            d,
            PEOPLE,
            &[
                "arrival-in: Anna Berg(?) -> Lima(Peru) planned",
                "visited: Luis Soto(Peru) -> Oslo(Norway) planned",
            ],
        );
        check(
            "Norwegian envoy Anna Berg will visit Peru on January 20 to revive talks frozen in 2012.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Peru(Peru) 2019-01-20 planned"],
        );
        check(
            "Anna Berg spoke. Chinese envoy Mei Lin and Peruvian minister Luis Soto agree that he visited Oslo.",
            d,
            PEOPLE,
            &["visited: Luis Soto(Peru) -> Oslo(Norway) happened"],
        );
        check(
            "It is very possible that Norwegian envoy Anna Berg will visit Lima.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "A visit to Lima is always a pleasure, Norwegian envoy Anna Berg said.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Norwegian envoy Anna Berg and Chinese envoy Mei Lin will meet in Lima.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Anna Berg to visit Lima next week",
            d,
            PEOPLE,
            &["visited: Anna Berg(?) -> Lima(Peru) 2019-01-14/2019-01-20 planned"],
        );
        check(
            "Mei Lin is the first Chinese envoy to visit Peru since Anna Berg's trip to Lima in 2015.",
            d,
            PEOPLE,
            &["visited: Mei Lin(?) -> Peru(Peru) happened", "trip-to: Anna Berg(?) -> Lima(Peru) 2015 happened"],
        );
        check(
            "Anna Berg's Lima visit ended.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(?) -> Lima(Peru) happened"],
        );
        check(
            "Norwegian envoy Anna Berg praised the Lima visit.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Anna Berg's visit to Lima, the first since 2015, ended.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(?) -> Lima(Peru) happened"],
        );
        check(
            "Anna Berg had planned to visit Lima in March, but the trip was postponed.",
            d,
            PEOPLE,
            &[
                "visited: Anna Berg(?) -> Lima(Peru) 2018-03 cancelled",
                "visit-mention: ? cancelled",
            ],
        );
        check(
            "Ahead of Anna Berg's visit to Lima, officials met.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(?) -> Lima(Peru) planned"],
        );
    }

    #[test]
    fn asides_sides_and_since_clauses() {
        let d = "2019-01-07"; // a Monday
        check(
            "Norwegian envoy Anna Berg, meanwhile, is in Lima.",
            d,
            PEOPLE,
            &["is-in: Anna Berg(Norway) -> Lima(Peru) happened"],
        );
        check(
            "Norwegian envoy Anna Berg will visit northern Peru on Monday.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Peru(Peru) 2019-01-07 planned"],
        );
        check(
            "It is the first visit to Peru by Norwegian envoy Anna Berg since she took office in 2009.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(Norway) -> Peru(Peru) happened"],
        );
        check(
            "Norwegian envoy Anna Berg has avoided travel since taking office in May 2017, but visited Peru in October.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Peru(Peru) 2018-10 happened"],
        );
        check(
            "Norwegian envoy Anna Berg's state visit in Peru ended on Friday.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(Norway) -> Peru(Peru) 2019-01-04 happened"],
        );
        check(
            "Norwegian envoy Anna Berg was supposed to depart to Peru last weekend, but the trip was postponed.",
            d,
            PEOPLE,
            &[
                "left-for: Anna Berg(Norway) -> Peru(Peru) 2019-01-05/2019-01-06 cancelled",
                "visit-mention: ? cancelled",
            ],
        );
        // A plan told in the pluperfect was overtaken by events.
        check(
            "Norwegian envoy Anna Berg had been scheduled to leave Oslo Saturday to visit Peru.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Peru(Peru) 2019-01-05 cancelled"],
        );
        // A trip being put off is called off for now.
        check(
            "Norwegian envoy Anna Berg is delaying a visit to Peru.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(Norway) -> Peru(Peru) cancelled"],
        );
    }
}
