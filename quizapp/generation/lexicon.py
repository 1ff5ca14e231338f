"""General English word lists the rules rely on (not tied to any topic)."""

# Titles and roles that stand before a name ("Foreign Minister Rathenau", "the pirate Klaus").
TITLES = frozenset({"general", "colonel", "major", "captain", "lieutenant", "admiral", "marshal", "sergeant",
                    "minister", "commissar", "commissioner", "president", "chancellor", "king", "queen", "emperor",
                    "tsar", "czar", "prince", "princess", "duke", "count", "baron", "lord", "sir", "mr", "mrs", "dr",
                    "professor", "pope", "bishop", "secretary", "ambassador", "governor", "mayor", "senator",
                    "premier", "pilot", "engineer", "inventor", "architect", "commander", "officer", "envoy",
                    "representative", "leader", "chief", "dictator", "explorer", "writer", "historian",
                    "pirate", "merchant", "diplomat", "viceroy", "sultan", "khan", "shah", "pharaoh", "caliph",
                    "poet", "painter", "scientist", "philosopher", "priest", "monk", "saint", "rebel", "soldier",
                    "physician", "composer", "author", "journalist", "activist", "missionary", "navigator",
                    "contractor", "banker", "industrialist", "economist", "statesman", "politician", "regent"})
