#include "entity.hpp"

namespace news {

std::string_view entity_type_name(EntityType type) {
    switch (type) {
        case EntityType::Person:
            return "person";
        case EntityType::Organization:
            return "organization";
        case EntityType::Place:
            return "place";
    }
    return "person";
}

}  // namespace news
