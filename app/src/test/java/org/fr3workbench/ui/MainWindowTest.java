package org.fr3workbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fr3workbench.App;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.ui.requirements.NavItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, headless (Monocle): navigator, filters, detail, keyboard. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final Preferences PREFS = Preferences.userRoot().node("fr3workbench-test/main-window");
    private final Catalog catalog = new App().catalog();

    @Start
    void start(Stage stage) {
        Executor sameThread = Runnable::run;
        new WorkbenchApplication(new WorkbenchApplication.Services(() -> catalog, sameThread,
                new AssessmentFiles(Clock.systemUTC())), PREFS).show(stage);
    }

    @AfterAll
    static void forgetPreferences() throws BackingStoreException {
        PREFS.removeNode();
    }

    private static List<Requirement> listed(FxRobot robot) {
        TreeView<NavItem> tree = robot.lookup(".requirements-tree").queryAs(TreeView.class);
        return tree.getRoot().getChildren().stream()
                .flatMap(family -> family.getChildren().stream())
                .map(TreeItem::getValue)
                .map(item -> ((NavItem.Entry) item).requirement())
                .toList();
    }

    @Test
    void viewMenuSwitchesToTheDarkThemeAndRemembersIt(FxRobot robot) throws BackingStoreException {
        robot.clickOn("View").clickOn("Dark theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(javafx.application.Application.getUserAgentStylesheet()).containsIgnoringCase("dark");
        assertThat(PREFS.node("theme").getBoolean("dark", false)).isTrue();

        robot.clickOn("View").clickOn("Dark theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(javafx.application.Application.getUserAgentStylesheet()).doesNotContainIgnoringCase("dark");
        assertThat(PREFS.node("theme").getBoolean("dark", true)).isFalse();
    }

    @Test
    void navigatorListsEveryCatalogEntry(FxRobot robot) {
        assertThat(listed(robot)).containsExactlyElementsOf(catalog.requirements());
        Label count = robot.lookup(".count-label").queryAs(Label.class);
        assertThat(count.getText()).isEqualTo(catalog.requirements().size() + " of " + catalog.requirements().size() + " entries");
    }

    @Test
    void filteringByEdrHidesHdrOnlyEntries(FxRobot robot) {
        assertThat(listed(robot)).as("the catalog has HDR-only entries to hide")
                .anyMatch(r -> r.id().startsWith("HDR "));
        ComboBox<ComponentType> typeFilter = robot.lookup("#typeFilter").queryAs(ComboBox.class);

        robot.clickOn(typeFilter);
        robot.clickOn("EDR \u2013 Embedded device");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(typeFilter.getValue()).isEqualTo(ComponentType.EDR);
        assertThat(listed(robot)).isNotEmpty()
                .noneMatch(r -> r.id().startsWith("HDR ") || r.id().startsWith("NDR ") || r.id().startsWith("SAR "))
                .allMatch(r -> r.appliesTo(ComponentType.EDR))
                .anyMatch(r -> r.id().startsWith("CR "));
    }

    @Test
    void selectingAnEntryShowsItsDetail(FxRobot robot) {
        Requirement first = catalog.requirements().getFirst();

        robot.clickOn(first.id());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".detail-id").queryAs(Label.class).getText()).isEqualTo(first.id());
        assertThat(robot.lookup(".detail-title").queryAs(Label.class).getText()).isEqualTo(first.title());
        assertThat(robot.lookup(".badge").queryAs(Label.class).getText()).isNotBlank();
        assertThat(robot.lookup(".detail-text").queryAllAs(Label.class))
                .extracting(Label::getText).contains(first.cipReason(), first.integratorAction());
        assertThat(robot.lookup(".start-view").query().isVisible()).isFalse();
    }

    @Test
    void keyboardAloneSearchesAndSelects(FxRobot robot) {
        Requirement target = catalog.requirements().getLast();

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        TextField search = robot.lookup(".navigator .text-field").queryAs(TextField.class);
        assertThat(search.isFocused()).isTrue();
        robot.write(target.id());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(listed(robot)).contains(target).allMatch(r -> r.id().contains(target.id()));

        // Into the tree, then arrow down from the family heading onto its first entry.
        robot.interact(() -> robot.lookup(".requirements-tree").query().requestFocus());
        robot.type(KeyCode.HOME).type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".detail-id").queryAs(Label.class).getText()).isEqualTo(listed(robot).getFirst().id());

        robot.press(KeyCode.ALT, KeyCode.HOME).release(KeyCode.HOME, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".start-view").query().isVisible()).isTrue();
    }
}
