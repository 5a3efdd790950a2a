//! `SiteHeader`: the banner with the app name, the corpus title, the search
//! field and the link to the compile report.

use leptos::prelude::*;

use crate::bundle;
use crate::components::app_link::AppLink;
use crate::components::search_box::SearchBox;
use crate::pages::embed_builder::EmbedLink;
use crate::state::{Route, View};

/// The page banner: a home link named after the app, the corpus title, the
/// [`SearchBox`] and `a#report-link`.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let corpus = &bundle::corpus().meta;
    let report = Route {
        view: View::Report,
        ..Route::default()
    };
    let timeline = Route {
        view: View::Timeline,
        ..Route::default()
    };
    let map = Route {
        view: View::Map,
        ..Route::default()
    };
    let network = Route {
        view: View::Network,
        ..Route::default()
    };
    view! {
        <header class="site-header">
            <div class="site-header-inner">
                <p class="brand">
                    <AppLink to=Route::default() class="brand-link">
                        "Communiqué"
                    </AppLink>
                    <span class="brand-corpus">{corpus.title.as_str()}</span>
                </p>
                <SearchBox />
                <nav class="site-nav" aria-label="Pages">
                    <AppLink to=timeline id="timeline-link">
                        "Timeline"
                    </AppLink>
                    <AppLink to=map id="map-link">
                        "Map"
                    </AppLink>
                    <AppLink to=network id="network-link">
                        "Network"
                    </AppLink>
                    <AppLink to=report id="report-link">
                        "Compile report"
                    </AppLink>
                    <EmbedLink />
                </nav>
            </div>
        </header>
    }
}
