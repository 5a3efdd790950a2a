//! Characters: spaces normalised, invisible characters dropped, and the HTML character
//! references and formatting tags that scrapers leave undone (rule 1).

/// Spaces normalised (NBSP, tabs, Unicode spaces → one space), invisible
/// characters dropped, HTML left over by scraping undone, ends trimmed.
pub(super) fn normalise_line(raw: &str) -> String {
    let unescaped;
    let raw = if raw.contains(['&', '<']) {
        unescaped = strip_tags(&decode_entities(raw));
        unescaped.as_str()
    } else {
        raw
    };
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for ch in raw.chars() {
        match ch {
            '\u{200B}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}' => {}
            c if c.is_whitespace() || c.is_control() => pending_space = true,
            c => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    out
}

/// HTML character references (`&amp;`, `&#39;`, `&#x2019;`, `&rsquo;`…) as characters.
fn decode_entities(text: &str) -> String {
    const NAMED: &[(&str, &str)] = &[
        ("amp", "&"),
        ("lt", "<"),
        ("gt", ">"),
        ("quot", "\""),
        ("apos", "'"),
        ("nbsp", " "),
        ("ndash", "–"),
        ("mdash", "—"),
        ("lsquo", "‘"),
        ("rsquo", "’"),
        ("ldquo", "“"),
        ("rdquo", "”"),
        ("hellip", "…"),
        ("laquo", "«"),
        ("raquo", "»"),
        ("eacute", "é"),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let reference = rest[1..]
            .find(';')
            .filter(|&end| end <= 10)
            .map(|end| &rest[1..=end]);
        let decoded = reference.and_then(|name| {
            let numeric = match name.strip_prefix('#') {
                Some(hex) if hex.starts_with(['x', 'X']) => u32::from_str_radix(&hex[1..], 16).ok(),
                Some(decimal) => decimal.parse().ok(),
                None => None,
            };
            match numeric {
                Some(code) => char::from_u32(code).map(String::from),
                None => NAMED
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, c)| (*c).to_owned()),
            }
        });
        match (decoded, reference) {
            (Some(decoded), Some(name)) => {
                out.push_str(&decoded);
                rest = &rest[name.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Removes inline HTML tags of text formatting (`<b>`, `</i>`, `<br/>`), which
/// scrapers leave in text; anything else with angle brackets stays.
fn strip_tags(text: &str) -> String {
    const TAGS: &[&str] = &[
        "b", "i", "u", "em", "strong", "br", "p", "a", "span", "div", "font", "sup", "sub", "small",
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let tag = rest.find('>').map(|end| &rest[..=end]).filter(|tag| {
            let name = tag[1..tag.len() - 1]
                .trim_start_matches('/')
                .trim_end_matches('/');
            let name = name.split(' ').next().unwrap_or("").to_ascii_lowercase();
            TAGS.contains(&name.as_str())
        });
        match tag {
            Some(tag) => {
                // Inline tags vanish; a line break (`<br>`, `<p>`) becomes a space.
                let breaks = ["<br", "<p", "</p", "<div", "</div"]
                    .iter()
                    .any(|b| tag.to_ascii_lowercase().starts_with(b));
                if breaks {
                    out.push(' ');
                }
                rest = &rest[tag.len()..];
            }
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::check;

    #[test]
    fn html_left_by_scrapers_is_undone() {
        check(
            "Apache balks at &lt;b&gt;Microsoft&lt;/b&gt; terms\n\nThe firm&#39;s <i>new</i> licence<br>&amp; fees are &quot;unfair&quot;, it said &#x2014; again. 3 &lt; 4 &unknown; &",
            &[],
            r#"
title: Apache balks at Microsoft terms
date: - -
source: -
dateline: -
| The firm's new licence & fees are "unfair", it said — again. 3 < 4 &unknown; &
- headline: Apache balks at &lt;b&gt;Microsoft&lt;/b&gt; terms"#,
        );
    }
}
