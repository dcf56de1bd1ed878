package org.fr3workbench.ui.requirements;

import org.fr3workbench.domain.Requirement;

/** A row of the requirements navigator: a requirement family (group) or one requirement. */
public sealed interface NavItem {

    /** The text shown in the tree. */
    String label();

    /** A family such as "3.4 Software and information integrity". */
    record Family(String number, String title, int count) implements NavItem {
        @Override
        public String label() {
            return number + "  " + title;
        }
    }

    /** One requirement or requirement enhancement. */
    record Entry(Requirement requirement) implements NavItem {
        @Override
        public String label() {
            return requirement.id() + "  " + requirement.title();
        }
    }
}
