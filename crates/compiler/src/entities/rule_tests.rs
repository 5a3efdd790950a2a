//! Tests of the entity rule families (people, organisations, places, roles), run through the
//! whole tagger: kept apart from the families so that they never import the tagger that runs
//! them, tests included.

mod people {
    use crate::entities::tagger::tests::check;

    #[test]
    fn names_after_titles_and_given_names() {
        check(
            "Kenyan Foreign Minister Amina Mohamed met Pedro Sánchez.",
            &["Amina Mohamed/person", "Pedro Sánchez/person"],
        );
        check("Talks with Sheikh Nahyan ended.", &["Nahyan/person"]);
        check(
            "She met Ludwig van Beethoven.",
            &["Ludwig van Beethoven/person"],
        );
    }

    #[test]
    fn a_given_name_that_is_also_a_city_stays_in_the_persons_name() {
        // The gazetteer is the general list of cities, and many share a given
        // name; followed by a surname, such a name is a person's (people by
        // given name run before places, which also leave a city name followed
        // by more name words to the longer name).
        check(
            "Florence Parly met officials in Florence.",
            &["Florence Parly/person", "Florence/place"],
        );
        check(
            "Victoria Nuland flew to Sydney.",
            &["Victoria Nuland/person", "Sydney/place"],
        );
    }

    #[test]
    fn hyphens_particles_and_unknown_first_words_stay_in_names() {
        check(
            "President Bush has arrived in New Delhi.",
            &["Bush/person", "New Delhi/place"],
        );
        check(
            "Burmese campaigner Aung San Suu Kyi began a visit.",
            &["Aung San Suu Kyi/person"],
        );
        check(
            "Foreign Minister Faisal bin Farhan Al-Saud arrived.",
            &["Faisal bin Farhan Al-Saud/person"],
        );
        check(
            "Emir Sheikh Tamim bin Hamad al-Thani arrived.",
            &["Tamim bin Hamad al-Thani/person"],
        );
        check(
            "He met President Michael D Higgins and Kim Jong Un at the UN and the G7.",
            &[
                "Michael D Higgins/person",
                "Kim Jong Un/person",
                "UN/organization",
                "G7/organization",
            ],
        );
        check(
            "President Moon Jae-in met Kim Jong-un in a Putin-led forum.",
            &["Moon Jae-in/person", "Kim Jong-un/person", "Putin/?None"],
        );
    }

    #[test]
    fn honorifics_open_names_and_an_inner_hyphen_opens_nothing() {
        check(
            "The President of Uzbekistan Honorable Shavkat Mirziyoyev met Madam Halimah.",
            &[
                "Uzbekistan/place",
                "Shavkat Mirziyoyev/person",
                "Halimah/person",
            ],
        );
        // "Hooper" alone would be a common word opening a clause after a dash.
        check(
            "Senior Director Mira Rapp-Hooper spoke.",
            &["Mira Rapp-Hooper/person"],
        );
    }

    #[test]
    fn names_in_apposition_to_an_office_and_in_lists_of_people() {
        check(
            "He told his foreign minister, Ratu Epeli Nailatikau, to act.",
            &["Ratu Epeli Nailatikau/person"],
        );
        check(
            "The head of the Prime Minister's Office, Pramesh Chand, spoke.",
            &[
                "Prime Minister's Office/organization",
                "Pramesh Chand/person",
            ],
        );
        // No office before the comma, no name.
        check("After the talks, Ratu Epeli left.", &["Ratu Epeli/?None"]);
        check(
            "It includes MPs Elnur Allahverdiyev, Soltan Mammadov, Sevil Mikayilova and others.",
            &[
                "MPs/?None",
                "Elnur Allahverdiyev/person",
                "Soltan Mammadov/person",
                "Sevil Mikayilova/person",
            ],
        );
        // A facility word after a title opens a Korean name; a two-word nationality
        // opening the sentence is one.
        check(
            "South Korean Foreign Minister Park Jin will visit Mongolia.",
            &["Park Jin/person", "Mongolia/place"],
        );
        // A country closing an office's "of" phrase; never the country's own second word.
        check(
            "The Minister of Foreign Affairs of the Republic of Tajikistan Sirodjidin Aslov came.",
            &["Republic of Tajikistan/place", "Sirodjidin Aslov/person"],
        );
        check(
            "The Foreign Minister of Saudi Arabia Faisal bin Farhan came.",
            &["Saudi Arabia/place", "Faisal bin Farhan/person"],
        );
        // "His Majesty" names nobody; a father's name after "Ben" may be an office's word.
        check(
            "His Majesty King Abdullah met Sheikh Zayed Ben Sultan. His Majesty left.",
            &["Abdullah/person", "Zayed Ben Sultan/person"],
        );
        // A word written with letters English lacks is no English word: "Tô" is not "to".
        check(
            "They hosted General Secretary Tô Lâm on Wednesday.",
            &["Tô Lâm/person"],
        );
        // A day's abbreviation before a name word is a name, before a date a date.
        check(
            "Ambassador Sun Baohong spoke on Sun Jan 5.",
            &["Sun Baohong/person"],
        );
    }

    #[test]
    fn venues_and_institutions_are_not_people() {
        check(
            "He landed at Ben Gurion Airport and at Simon Bolivar International Airport.",
            &[
                "Ben Gurion Airport/?Place",
                "Simon Bolivar International Airport/?Place",
            ],
        );
        check(
            "The Kremlin said Xinhua and Agence France-Presse reported it, NATO and the U.N. too.",
            &[
                "Kremlin/organization",
                "Xinhua/organization",
                "Agence France-Presse/organization",
                "NATO/organization",
                "U.N./organization",
            ],
        );
    }

    #[test]
    fn contractions_are_not_names() {
        check(
            "The reason why I've emphasised the rule of law is clear.",
            &[],
        );
    }

    #[test]
    fn countries_and_offices_are_not_names() {
        check("President of Kenya", &["Kenya/place"]);
        check(
            "Talks between Maria and Kenya",
            &["Maria/?None", "Kenya/place"],
        );
    }
}

mod orgs {
    use crate::entities::tagger::tests::check;

    #[test]
    fn head_words_and_their_extensions() {
        check(
            "Officials of the Brazilian Ministry of Mines and Energy met.",
            &["Brazilian Ministry of Mines and Energy/organization"],
        );
        check(
            "He spoke at the Baltic Institute for Defence Studies Karin Lund said.",
            &[
                "Baltic Institute for Defence Studies/organization",
                "Karin Lund/person",
            ],
        );
        check(
            "The Andean Revolution Guards Corps (ARGC) denied it.",
            &[
                "Andean Revolution Guards Corps/organization",
                "ARGC/organization",
            ],
        );
        check(
            "a seminar at the University of Nairobi and Kenya",
            &["University of Nairobi/organization", "Kenya/place"],
        );
    }

    #[test]
    fn hyphenated_words_and_the_person_after_an_organisation() {
        check(
            "The Inter-Parliamentary Union met at the Forum on China-Africa Cooperation.",
            &[
                "Inter-Parliamentary Union/organization",
                "Forum on China-Africa Cooperation/organization",
            ],
        );
        // A common word after an inner hyphen, and a common noun's "'s" inside the name;
        // a country's "'s" stays its possessor.
        check(
            "The Non-Aligned Movement, the Chinese People's Political Consultative Conference and Iran's Foreign Ministry met.",
            &[
                "Non-Aligned Movement/organization",
                "Chinese People's Political Consultative Conference/organization",
                "Iran/place",
                "Foreign Ministry/organization",
            ],
        );
        // A place or "Affairs" closes the name when a person's name follows.
        check(
            "Chairman of the City Council of Hanoi Tran Duc Luong and Director of the Ministry of Foreign Affairs Le Van Minh came.",
            &[
                "City Council of Hanoi/organization",
                "Tran Duc Luong/person",
                "Ministry of Foreign Affairs/organization",
                "Le Van Minh/person",
            ],
        );
    }

    #[test]
    fn offices_are_not_organisations() {
        check("the Deputy Minister of Energy spoke", &[]);
        check("The Council met.", &[]);
    }

    #[test]
    fn events_are_not_organisations() {
        check(
            "After the World Cup and Labour Day the Pro Bowl opened.",
            &[],
        );
    }
}

mod places {
    use crate::entities::tagger::tests::check;

    #[test]
    fn gazetteer_places() {
        check(
            "Talks in Nairobi and the Democratic Republic of the Congo ended.",
            &["Nairobi/place", "Democratic Republic of the Congo/place"],
        );
        check("Reading the report, she flew to Lyon.", &["Lyon/place"]);
        check(
            "In the final Leeds 3 Chelsea 1",
            &["Leeds/organization", "Chelsea/organization"],
        );
        check("LYON 1996-08-22", &["LYON/place"]);
        // Lower-case words inside a name, and a month word opening one.
        check(
            "He flew from Dar es Salaam to Mar del Plata.",
            &["Dar es Salaam/place", "Mar del Plata/place"],
        );
        check(
            "NAIROBI – Rain fell across Central Asia.",
            &["NAIROBI/place", "Central Asia/place"],
        );
    }

    #[test]
    fn official_names_without_their_article_and_saints_abbreviated() {
        check(
            "Visits to the Republic of Congo, the Democratic Republic of Congo and St. Vincent and the Grenadines.",
            &[
                "Republic of Congo/place",
                "Democratic Republic of Congo/place",
                "St. Vincent and the Grenadines/place",
            ],
        );
    }

    #[test]
    fn other_spellings_of_cities_only_where_a_place_is_expected() {
        check(
            "Leaders arrived in Katmandu and then flew to Jiddah.",
            &["Katmandu/place", "Jiddah/place"],
        );
        check(
            "Shipping company Cosco bought a stake.",
            &["Cosco/?Organization"],
        );
    }
}

mod roles {
    use communique_core::{Body, Document};

    use crate::entities::tagger::tag_document;

    /// Tags `text` and compares "name: role | role (country)" for every person.
    fn check(text: &str, expect: &[&str]) {
        let doc = Document {
            body: Body {
                text: text.to_string(),
                ..Body::default()
            }
            .into(),
            ..Document::default()
        };
        let g = crate::entities::gazetteer::Gazetteer::get();
        let got: Vec<String> = tag_document(0, &doc)
            .iter()
            .filter(|m| m.kind == Some(communique_core::EntityKind::Person))
            .map(|m| {
                let roles: Vec<&str> = m.roles.iter().map(|r| r.0.as_str()).collect();
                let country = m
                    .country
                    .map_or("-", |c| g.places[c as usize].name.as_str());
                format!("{}: {} ({country})", m.text(&doc), roles.join(" | "))
            })
            .collect();
        assert_eq!(got, expect, "roles in {text:?}");
    }

    #[test]
    fn roles_before_the_name() {
        check(
            "Kenyan Deputy Minister for East African Affairs Otieno Kamau spoke.",
            &["Otieno Kamau: Deputy Minister for East African Affairs (Kenya)"],
        );
        check(
            "He met director of the Baltic Institute for Defence Studies Karin Lund.",
            &["Karin Lund: director of the Baltic Institute for Defence Studies (-)"],
        );
        check(
            "He met Chilean Minister of Defense Major General Pablo Rojas.",
            &["Pablo Rojas: Minister of Defense | Major General (Chile)"],
        );
        // "General" closing an office is no rank; a surname may be spelt like a country.
        check(
            "Forum Secretary General Ana Diaz met Commonwealth Secretary-General Lucia Scotland, then spoke.",
            &[
                "Ana Diaz: Forum Secretary General (-)",
                "Lucia Scotland: Commonwealth Secretary-General (-)",
            ],
        );
        check(
            "Talks with his Chilean counterpart Pablo Rojas and Ministry spokesman Ana Diaz.",
            &["Pablo Rojas:  (Chile)", "Ana Diaz: Ministry spokesman (-)"],
        );
        check(
            "Head of the Chilean Ministry's Bureau on Asian countries Pablo Rojas spoke.",
            &["Pablo Rojas: Head of the Chilean Ministry's Bureau on Asian countries (Chile)"],
        );
        check(
            "Later Special Envoy for Peru Ana Diaz spoke.",
            &["Ana Diaz: Special Envoy for Peru (-)"],
        );
        check(
            "Envoy to Peru's Foreign Minister in Trade Affairs Lucia Mendez left.",
            &["Lucia Mendez: Envoy to Peru's Foreign Minister in Trade Affairs (Peru)"],
        );
    }

    #[test]
    fn countries_in_appositions() {
        check(
            "The leaders of Chile, Pablo Rojas, and Peru, Lucia Mendez, met.",
            &["Pablo Rojas:  (Chile)", "Lucia Mendez:  (Peru)"],
        );
        check("In Chile, Pablo Rojas said so.", &["Pablo Rojas:  (-)"]);
    }

    #[test]
    fn of_two_countries_in_a_row_the_one_next_to_the_office() {
        // A caption after a keyword line: "Samoa" is the place pictured, not her country.
        check(
            "Ana Costa Samoa Chilean President Ana Costa shakes hands.",
            &["Ana Costa:  (-)", "Ana Costa: President (Chile)"],
        );
    }

    #[test]
    fn a_country_closing_the_office_is_the_persons() {
        check(
            "The Minister of Foreign Affairs of the Republic of Chile Ana Costa came.",
            &["Ana Costa: Minister of Foreign Affairs of the Republic of Chile (Chile)"],
        );
    }

    #[test]
    fn roles_in_appositions() {
        check(
            "Ana Costa, the adviser on trade affairs to President Jorge Silva, said so.",
            &[
                "Ana Costa: adviser on trade affairs to President (-)",
                "Jorge Silva: President (-)",
            ],
        );
    }
}
