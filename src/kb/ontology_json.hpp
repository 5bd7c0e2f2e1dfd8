#pragma once
// A loaded ontology as compact JSON and back. A store keeps the ontology it
// was built with in this form, keyed by the YAML file's hash, so that `query`
// (a few milliseconds in all) does not spend half of them in the YAML parser.

#include <string>
#include <string_view>

#include "kb/ontology.hpp"

namespace aikg::kb {

std::string ontology_to_json(const Ontology& ontology);
// Throws std::runtime_error when the text is not what ontology_to_json writes.
Ontology ontology_from_json(std::string_view json);

}  // namespace aikg::kb
