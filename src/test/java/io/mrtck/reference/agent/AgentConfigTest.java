package io.mrtck.reference.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The xrstart config: the workshop's shape parses; every broken field is named in the error. */
class AgentConfigTest {
    private static final String VALID = """
        {"path": "/u02/xrs", "agentGroupSize": 1, "agentId": 0, "region": "FR", "store": "OUGFR",
         "helpers": ["node1-nosql:5000"],
         "regions": [{"name": "CO", "store": "OUGCO", "helpers": ["node2-nosql:5000"]}],
         "durability": "COMMIT_NO_SYNC"}""";

    @Test
    void theWorkshopsConfigParses() {
        AgentConfig c = AgentConfig.parse(VALID, "json.config");
        assertThat(c.region()).isEqualTo("FR");
        assertThat(c.store()).isEqualTo("OUGFR");
        assertThat(c.regions()).extracting(AgentConfig.RemoteRegion::name).containsExactly("CO");
        assertThat(c.serviceId()).isEqualTo("XRegionService-1_0");
        assertThat(c.statsIntervalSecs()).isEqualTo(60);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing region     | \"region\": \"FR\",                      |                                   | field region is missing",
        "blank store        | \"store\": \"OUGFR\"                     | \"store\": \"\"                   | field store must be a non-empty string",
        "agentId too large  | \"agentId\": 0                           | \"agentId\": 3                    | field agentId must be between 0",
        "agentGroupSize 0   | \"agentGroupSize\": 1                    | \"agentGroupSize\": 0             | field agentGroupSize must be at least 1",
        "helper without port| \"node1-nosql:5000\"                     | \"node1-nosql\"                   | field helpers entry \"node1-nosql\" is not \"host:port\"",
        "remote = local     | \"name\": \"CO\"                         | \"name\": \"FR\"                  | field regions[0].name is the local region FR",
        "remote store wrong | \"store\": \"OUGCO\"                     | \"store\": 7                      | field regions[0].store must be a non-empty string",
        "durability unknown | \"COMMIT_NO_SYNC\"                       | \"SOMETIMES\"                     | field durability must be one of",
        "regions empty      | [{\"name\": \"CO\", \"store\": \"OUGCO\", \"helpers\": [\"node2-nosql:5000\"]}] | [] | field regions must be a non-empty array"
    })
    void aBrokenFieldIsNamed(String what, String from, String to, String message) {
        String broken = VALID.replace(from.trim(), to == null ? "" : to.trim());
        assertThat(broken).as("the case changes the config").isNotEqualTo(VALID);
        assertThatThrownBy(() -> AgentConfig.parse(broken, "json.config"))
            .isInstanceOf(InvalidAgentConfigException.class)
            .hasMessageStartingWith("json.config: ")
            .hasMessageContaining(message.trim());
    }

    @Test
    void brokenJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> AgentConfig.parse("{\"path\": \"/x\",\n \"region\": }", "json.config"))
            .isInstanceOf(InvalidAgentConfigException.class)
            .hasMessageContaining("json.config: not valid JSON at line 2");
    }
}
